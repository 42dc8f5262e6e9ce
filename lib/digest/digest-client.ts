import { badResponse, safeJson, serverCall, type FetchLike } from '../reports/report-client';
import type { SyncConfig } from '../sync/sync-config';
import { DigestResponseSchema } from '../wire/digest';
import type { DigestAnswer } from './digest-messages';

/** GET /api/reports/digest for one day, parsed; errors as the reports word them. */
export async function fetchDigest(config: SyncConfig, date: string, lang: 'ru' | 'en', fetchFn: FetchLike): Promise<DigestAnswer> {
  const raw = await serverCall(config, `/api/reports/digest?${new URLSearchParams({ date, lang }).toString()}`, fetchFn);
  if (!raw.ok) return raw;
  const digest = safeJson(raw.body, DigestResponseSchema);
  return digest === null ? { ok: false, error: badResponse } : { ok: true, digest };
}
