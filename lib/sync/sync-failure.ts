/**
 * Why a request to the team server did not succeed, as the engine and the options page
 * branch on it. `retryable` failures are tried again with backoff; the rest wait until the
 * user changes something (the token, the address) or, for a refused batch, are kept as
 * rejected rows.
 */
export type SyncFailureCode =
  | 'offline'
  | 'timeout'
  | 'server'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'bad_request'
  | 'bad_response'
  | 'not_sufler';

export interface SyncFailure {
  code: SyncFailureCode;
  /** English, for logs and as a fallback; the UI maps the code to ru/en text. */
  message: string;
  retryable: boolean;
  /** From a 429's Retry-After header, in ms, when the server gave one. */
  retryAfterMs?: number;
}

export type SyncResult<T> = { ok: true; value: T } | { ok: false; failure: SyncFailure };

/** Failures that stop automatic syncing until the config changes (or the user asks again). */
export function isFatalFailure(code: string): boolean {
  return code === 'unauthorized' || code === 'forbidden' || code === 'not_sufler';
}
