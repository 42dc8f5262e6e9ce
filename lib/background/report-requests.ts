import { fetchCsv, fetchReport, fetchScope, type FetchLike } from '../reports/report-client';
import { ReportRequestSchema, type CsvAnswer, type ReportAnswer, type ScopeAnswer } from '../reports/report-messages';
import { readSyncConfig } from '../sync/sync-setup';
import type { StorageAreaLike } from './background-deps';
import { isExtensionPageSender, type OwnExtension, type SenderLike } from './extension-sender';

export interface ReportRequestDeps {
  local: StorageAreaLike;
  fetch: FetchLike;
  /** Who we are: only our own pages may read reports, never a content script. */
  own: OwnExtension;
}

/**
 * runtime.onMessage for the dashboard. Answers undefined, synchronously, for any message that is
 * not a report request, so the other handlers get it. The token stays here: the page gets rows.
 */
export function handleReportMessage(
  deps: ReportRequestDeps,
  raw: unknown,
  sender: SenderLike | undefined,
): Promise<ScopeAnswer | ReportAnswer | CsvAnswer> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith('reports:')) return undefined;
  const parsed = ReportRequestSchema.safeParse(raw);
  if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid request' } });
  if (!isExtensionPageSender(sender, deps.own)) {
    return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'reports are for the extension pages only' } });
  }
  const request = parsed.data;
  return (async () => {
    const config = await readSyncConfig(deps.local);
    if (config === null) return { ok: false, error: { code: 'not_configured', message: 'no team server is connected' } } as const;
    if (request.type === 'reports:scope') return fetchScope(config, deps.fetch);
    if (request.type === 'reports:get') return fetchReport(config, request.kind, request.filters, deps.fetch);
    return fetchCsv(config, request.kind, request.table, request.filters, deps.fetch);
  })();
}
