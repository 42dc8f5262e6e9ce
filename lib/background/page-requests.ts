import { PageRequestSchema, type TestConnectionAnswer } from '../messaging/page-requests';
import { fetchMe } from '../sync/sync-client';
import { ServerUrlSchema } from '../sync/sync-config';
import type { BackgroundDeps } from './background-deps';

/**
 * A request from one of the extension's own pages (the caller has checked the sender).
 * Undefined, synchronously, for anything that is not one, so other handlers may answer it.
 */
export function handlePageRequest(deps: BackgroundDeps, raw: unknown): Promise<TestConnectionAnswer> | undefined {
  const parsed = PageRequestSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  return testConnection(deps, parsed.data.serverUrl, parsed.data.token);
}

/** The options page's connection test, made from the background like every other server call. */
async function testConnection(deps: BackgroundDeps, serverUrl: string, token: string): Promise<TestConnectionAnswer> {
  const url = ServerUrlSchema.safeParse(serverUrl);
  if (!url.success) return { ok: false, failure: { code: 'bad_url', message: url.error.issues[0]?.message ?? 'bad address' } };
  const answer = await fetchMe(url.data, token.trim(), { fetch: deps.fetch });
  return answer.ok ? { ok: true, me: answer.value } : { ok: false, failure: { code: answer.failure.code, message: answer.failure.message } };
}
