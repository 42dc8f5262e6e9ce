import type { Translator } from '../i18n/translate';
import type { MessageKey } from '../i18n/messages';

/**
 * Error codes from the sync client (fetchMe) and the engine (SyncStatus.lastError) that have
 * their own sentence; any other code falls back to the English message the code came with.
 */
const KNOWN_CODES = {
  offline: 'sync.error.offline',
  timeout: 'sync.error.timeout',
  not_sufler: 'sync.error.not_sufler',
  unauthorized: 'sync.error.unauthorized',
  forbidden: 'sync.error.forbidden',
  server: 'sync.error.server',
  internal: 'sync.error.server',
  rate_limited: 'sync.error.rate_limited',
  bad_response: 'sync.error.bad_response',
  // The server refused our request's shape: most likely a version mismatch, as above.
  bad_request: 'sync.error.bad_response',
  // The background refused the address before calling (the options page checks it first).
  bad_url: 'sync.badUrl',
} as const satisfies Record<string, MessageKey>;

export interface CodedError {
  code: string;
  message: string;
}

/** A SyncFailure or a SyncStatus.lastError: anything with a string code and message. */
export function asCodedError(error: unknown): CodedError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code !== 'string') return null;
  return { code, message: typeof message === 'string' ? message : '' };
}

/** The user's-language sentence for a sync error; server names the address tried. */
export function syncErrorText(error: CodedError, server: string | null, t: Translator): string {
  const key = Object.hasOwn(KNOWN_CODES, error.code) ? KNOWN_CODES[error.code as keyof typeof KNOWN_CODES] : null;
  if (key) return t(key, { server: server ?? '' });
  return t('sync.error.unknown', { message: error.message || error.code });
}
