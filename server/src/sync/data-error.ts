import { HttpError } from '../http-error';

/**
 * A data exception from the database (SQLSTATE class 22: a value it cannot store, e.g.
 * 22P05 for NUL in jsonb, 22003 out of range). It is the caller's data, never a server fault:
 * the item that carries it is refused with a 4xx or a `rejected` result, never a 500.
 * PGlite and `pg` both put the SQLSTATE in `code`.
 */
export function dataErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) ? code : null;
}

/** Runs `work`; a data error from the database becomes a 400 naming `what`, never a 500. */
export async function refuseDataErrors<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = dataErrorCode(error);
    if (code === null) throw error;
    throw new HttpError(400, 'bad_request', `the database refused a value in ${what} (SQLSTATE ${code})`);
  }
}
