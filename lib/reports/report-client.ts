import type { z } from 'zod';
import type { SyncConfig } from '../sync/sync-config';
import { ErrorBodySchema } from '../wire/errors';
import { ReportResponseSchema, ReportScopeResponseSchema, type ReportKind } from '../wire/reports';
import type { CsvAnswer, ReportAnswer, ReportError, ReportFilters, ScopeAnswer } from './report-messages';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
const TIMEOUT_MS = 20_000;

type Raw = { ok: true; body: string; filename: string } | { ok: false; error: ReportError };

/** One call to the team server with the stored token; a JSON `body` is sent with `method`. */
export async function serverCall(
  config: SyncConfig,
  path: string,
  fetchFn: FetchLike,
  send?: { method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown },
  timeoutMs: number = TIMEOUT_MS,
): Promise<Raw> {
  const url = `${config.serverUrl}${path}`;
  let response: Response;
  let body: string;
  const headers: Record<string, string> = { authorization: `Bearer ${config.token}` };
  if (send?.body !== undefined) headers['content-type'] = 'application/json';
  try {
    response = await fetchFn(url, {
      method: send?.method ?? 'GET',
      headers,
      ...(send?.body === undefined ? {} : { body: JSON.stringify(send.body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    const timeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, error: { code: timeout ? 'timeout' : 'offline', message: `${url}: ${String(error)}` } };
  }
  if (response.ok) {
    const disposition = response.headers.get('content-disposition') ?? '';
    return { ok: true, body, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'sufler-report.csv' };
  }
  const parsed = safeJson(body, ErrorBodySchema);
  const message = parsed === null ? `HTTP ${response.status}` : [parsed.error.message, ...(parsed.error.details ?? []).map((d) => `${d.path}: ${d.message}`)].join('; ');
  const status = response.status;
  const code = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : status >= 500 || status === 429 ? 'server' : 'bad_request';
  return { ok: false, error: { code, message } };
}

export function safeJson<T>(body: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function query(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ from: filters.from, to: filters.to, lang: filters.lang, ...extra });
  if (filters.team !== null) q.set('team', filters.team);
  if (filters.manager !== null) q.set('manager', filters.manager);
  return q.toString();
}

export const badResponse: ReportError = { code: 'bad_response', message: 'the server answered something unexpected' };

export async function fetchScope(config: SyncConfig, fetchFn: FetchLike): Promise<ScopeAnswer> {
  const raw = await serverCall(config, '/api/reports/scope', fetchFn);
  if (!raw.ok) return raw;
  const scope = safeJson(raw.body, ReportScopeResponseSchema);
  return scope === null ? { ok: false, error: badResponse } : { ok: true, scope };
}

export async function fetchReport(config: SyncConfig, kind: ReportKind, filters: ReportFilters, fetchFn: FetchLike): Promise<ReportAnswer> {
  const raw = await serverCall(config, `/api/reports/${kind}?${query(filters)}`, fetchFn);
  if (!raw.ok) return raw;
  const report = safeJson(raw.body, ReportResponseSchema);
  return report === null ? { ok: false, error: badResponse } : { ok: true, report };
}

export async function fetchCsv(config: SyncConfig, kind: ReportKind, table: string, filters: ReportFilters, fetchFn: FetchLike): Promise<CsvAnswer> {
  const raw = await serverCall(config, `/api/reports/${kind}?${query(filters, { format: 'csv', table })}`, fetchFn);
  return raw.ok ? { ok: true, csv: raw.body, filename: raw.filename } : raw;
}
