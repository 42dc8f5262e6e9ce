/**
 * What a 500 leaves in the log: the error's kind and SQLSTATE, the database object it names and
 * the ids of the items in the request — never SQL text, parameters, the database's own message
 * (PostgreSQL quotes the offending value in it) or the payload, which hold customers' words.
 */
export interface ServerErrorRecord {
  name: string;
  /** SQLSTATE for database errors (e.g. 22P05), Node's code for system errors. */
  code?: string;
  severity?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  /** Only for errors that are not from the database: our own code's message and stack. */
  message?: string;
  stack?: string;
}

const SAFE_DB_FIELDS = ['severity', 'table', 'column', 'constraint', 'routine'] as const;

function isDatabaseError(error: Record<string, unknown>): boolean {
  return (
    (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) ||
    'query' in error ||
    'params' in error ||
    'severity' in error
  );
}

export function describeServerError(error: unknown): ServerErrorRecord {
  if (typeof error !== 'object' || error === null) return { name: typeof error };
  const e = error as Record<string, unknown>;
  const record: ServerErrorRecord = { name: typeof e.name === 'string' ? e.name : 'Error' };
  if (typeof e.code === 'string') record.code = e.code.slice(0, 40);
  if (isDatabaseError(e)) {
    for (const field of SAFE_DB_FIELDS) if (typeof e[field] === 'string') record[field] = (e[field] as string).slice(0, 100);
    return record;
  }
  if (typeof e.message === 'string') record.message = e.message.slice(0, 300);
  if (typeof e.stack === 'string') record.stack = e.stack.split('\n').slice(1, 8).join('\n');
  return record;
}

/** The ids of a push's items (envelope ids are ULIDs; anything else is cut short), at most 50. */
export function itemIdsOf(body: unknown): string[] | undefined {
  if (typeof body !== 'object' || body === null || !('items' in body) || !Array.isArray(body.items)) return undefined;
  return body.items.slice(0, 50).map((item: unknown) => {
    const id = typeof item === 'object' && item !== null && 'id' in item ? item.id : undefined;
    return typeof id === 'string' ? id.slice(0, 40) : '?';
  });
}
