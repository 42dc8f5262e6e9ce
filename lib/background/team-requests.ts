import { badResponse, safeJson, serverCall } from '../reports/report-client';
import type { ReportRequestDeps } from './report-requests';
import { TeamRequestSchema, type TeamAnswer, type TeamInviteAnswer, type TeamListAnswer } from '../team/team-messages';
import { readSyncConfig } from '../sync/sync-setup';
import { encodeInvite } from '../wire/invite';
import { IssuedTokenResponseSchema, TeamMembersResponseSchema } from '../wire/team';
import { isExtensionPageSender, type SenderLike } from './extension-sender';

/**
 * runtime.onMessage for the team page (`team:*`): undefined, synchronously, for anything else.
 * Our own pages only; the caller's token stays here, the page gets rows and invites.
 */
export function handleTeamMessage(deps: ReportRequestDeps, raw: unknown, sender: SenderLike | undefined): Promise<TeamAnswer> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith('team:')) return undefined;
  const parsed = TeamRequestSchema.safeParse(raw);
  if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid request' } });
  if (!isExtensionPageSender(sender, deps.own)) {
    return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'the team page is for the extension pages only' } });
  }
  const request = parsed.data;
  return (async (): Promise<TeamAnswer> => {
    const config = await readSyncConfig(deps.local);
    if (config === null) return { ok: false, error: { code: 'not_configured', message: 'no team server is connected' } };
    switch (request.type) {
      case 'team:list': {
        const raw = await serverCall(config, '/api/team/members', deps.fetch);
        if (!raw.ok) return raw;
        const team = safeJson(raw.body, TeamMembersResponseSchema);
        return team === null ? { ok: false, error: badResponse } : ({ ok: true, team } satisfies TeamListAnswer);
      }
      case 'team:add': {
        const raw = await serverCall(config, '/api/team/members', deps.fetch, { method: 'POST', body: request.member });
        return raw.ok ? { ok: true } : raw;
      }
      case 'team:update': {
        const raw = await serverCall(config, `/api/team/members/${request.userId}`, deps.fetch, { method: 'PATCH', body: request.change });
        return raw.ok ? { ok: true } : raw;
      }
      case 'team:invite': {
        const raw = await serverCall(config, `/api/team/members/${request.userId}/tokens`, deps.fetch, { method: 'POST', body: request.options });
        if (!raw.ok) return raw;
        const issued = safeJson(raw.body, IssuedTokenResponseSchema);
        if (issued === null) return { ok: false, error: badResponse };
        // The address this browser reaches the server at is the one the new manager will use.
        const invite = encodeInvite({ serverUrl: config.serverUrl, token: issued.token });
        return { ok: true, invite, tokenId: issued.tokenId, expiresAt: issued.expiresAt } satisfies TeamInviteAnswer;
      }
      case 'team:revoke': {
        const raw = await serverCall(config, `/api/team/tokens/${request.tokenId}`, deps.fetch, { method: 'DELETE' });
        return raw.ok ? { ok: true } : raw;
      }
    }
  })();
}
