import type { z } from 'zod';
import { ErrorBodySchema } from '../wire/errors';
import { MeResponseSchema, type MeResponse } from '../wire/me';
import { PullResponseSchema, PushResponseSchema, type PullResponse, type PushResult, type SyncItem } from '../wire/sync';
import { SegmentsResponseSchema, type SegmentsResponse } from '../wire/segments';
import type { SyncConfig } from './sync-config';
import type { SyncFailure, SyncResult } from './sync-failure';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface SyncClientOptions {
  /** Defaults to the global fetch, called unbound-safe (a worker's fetch needs its `this`). */
  fetch?: FetchLike;
  /** A request that has not answered by then counts as 'timeout'. */
  timeoutMs?: number;
}

export const REQUEST_TIMEOUT_MS = 15_000;
/** One pull page; the server's default, well under its maximum. */
export const PULL_PAGE_SIZE = 500;
/** One page of segment changes (the server allows 5,000). */
export const SEGMENT_PAGE_SIZE = 1000;

const globalFetch: FetchLike = (input, init) => fetch(input, init);

/** Send one batch; one result per item, in the order sent. */
export async function push(config: SyncConfig, items: readonly SyncItem[], options: SyncClientOptions = {}): Promise<SyncResult<PushResult[]>> {
  const answer = await request(`${config.serverUrl}/api/sync/push`, config.token, options, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId: config.deviceId, items }),
  });
  if (!answer.ok) return answer;
  const parsed = parseBody(answer.value, PushResponseSchema);
  if (!parsed.ok) return parsed;
  // A result list that does not line up with the items cannot be trusted to delete anything.
  if (parsed.value.results.length !== items.length || parsed.value.results.some((r, i) => r.id !== items[i]?.id)) {
    return fail('bad_response', `the server answered ${parsed.value.results.length} results for ${items.length} items`, true);
  }
  return { ok: true, value: parsed.value.results };
}

/** One page of changes after the cursor; our own device's touches are left out by the server. */
export async function pull(config: SyncConfig, cursor: string, options: SyncClientOptions = {}): Promise<SyncResult<PullResponse>> {
  const query = new URLSearchParams({ cursor, limit: String(PULL_PAGE_SIZE), deviceId: config.deviceId });
  const answer = await request(`${config.serverUrl}/api/sync/pull?${query.toString()}`, config.token, options, { method: 'GET' });
  if (!answer.ok) return answer;
  return parseBody(answer.value, PullResponseSchema);
}

/** One page of the team's segment changes after `since` (the server's pull order). */
export async function pullSegments(config: SyncConfig, since: string, options: SyncClientOptions = {}): Promise<SyncResult<SegmentsResponse>> {
  const query = new URLSearchParams({ since, limit: String(SEGMENT_PAGE_SIZE) });
  const answer = await request(`${config.serverUrl}/api/clients/segments?${query.toString()}`, config.token, options, { method: 'GET' });
  if (!answer.ok) return answer;
  return parseBody(answer.value, SegmentsResponseSchema);
}

/**
 * Who the token belongs to: the options page's connection test. Its failures say what is
 * wrong: 'offline' (nothing answers at that address), 'not_sufler' (something answers, but
 * not a Sufler server), 'unauthorized' (the token is wrong or revoked).
 */
export async function fetchMe(serverUrl: string, token: string, options: SyncClientOptions = {}): Promise<SyncResult<MeResponse>> {
  const base = serverUrl.trim().replace(/\/+$/, '');
  const answer = await request(`${base}/api/me`, token, options, { method: 'GET' });
  if (!answer.ok) {
    // A page that is not JSON: some other site lives at this address.
    if (answer.failure.code === 'bad_response') {
      return fail('not_sufler', `${base} does not look like a Sufler server (${answer.failure.message})`, false);
    }
    return answer;
  }
  const parsed = parseBody(answer.value, MeResponseSchema);
  if (!parsed.ok) return fail('not_sufler', `${base} does not look like a Sufler server (${parsed.failure.message})`, false);
  return parsed;
}

/** The response body of a 2xx answer as text, or the failure the request came to. */
async function request(url: string, token: string, options: SyncClientOptions, init: RequestInit): Promise<SyncResult<string>> {
  const doFetch = options.fetch ?? globalFetch;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let response: Response;
  let body: string;
  try {
    response = await doFetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    if (isTimeout(error)) return fail('timeout', `${url} did not answer within ${Math.round(timeoutMs / 1000)} s`, true);
    return fail('offline', `could not reach ${url}: ${describe(error)}`, true);
  }
  if (response.ok) return { ok: true, value: body };
  return { ok: false, failure: httpFailure(response, body, url) };
}

function httpFailure(response: Response, body: string, url: string): SyncFailure {
  const status = response.status;
  const server = serverMessage(body);
  const message = server ?? `HTTP ${status} from ${url}`;
  if (status === 401) return { code: 'unauthorized', message, retryable: false };
  if (status === 403) return { code: 'forbidden', message, retryable: false };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return retryAfterMs === null ? { code: 'rate_limited', message, retryable: true } : { code: 'rate_limited', message, retryable: true, retryAfterMs };
  }
  if (status >= 500) return { code: 'server', message, retryable: true };
  // A 404, or an error page that is not ours: something else lives at this address.
  if (status === 404 || server === null) return { code: 'not_sufler', message: `${url} answered HTTP ${status}: not a Sufler server`, retryable: false };
  return { code: 'bad_request', message, retryable: false };
}

/** The server's `{error:{code,message,details}}` as one line, or null when it is not ours. */
function serverMessage(body: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return null;
  const { code, message, details } = parsed.data.error;
  const where = details?.map((d) => `${d.path}: ${d.message}`).join('; ');
  return `${code}: ${message}${where ? ` (${where})` : ''}`;
}

function parseBody<T>(body: string, schema: z.ZodType<T>): SyncResult<T> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return fail('bad_response', 'the server answered something that is not JSON', true);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail('bad_response', `the server's answer has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`, true);
  return { ok: true, value: parsed.data };
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch hides the reason (ECONNREFUSED, ENOTFOUND) in `cause`.
  const cause = (error as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : null;
  return code === null ? error.message : `${error.message} (${code})`;
}

function fail(code: SyncFailure['code'], message: string, retryable: boolean): { ok: false; failure: SyncFailure } {
  return { ok: false, failure: { code, message, retryable } };
}
