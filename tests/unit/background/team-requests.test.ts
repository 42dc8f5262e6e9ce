import { describe, expect, it, vi } from 'vitest';
import { handleTeamMessage } from '../../../lib/background/team-requests';
import { SYNC_CONFIG_KEY } from '../../../lib/sync/sync-config';
import { decodeInvite } from '../../../lib/wire/invite';

const OWN = { id: 'abc', origin: 'chrome-extension://abc' };
const PAGE = { id: OWN.id, url: `${OWN.origin}/dashboard.html` };
const CONFIG = { serverUrl: 'https://sufler.acme.test', token: 'h'.repeat(43), deviceId: 'dev-1' };
const NEW_TOKEN = 'n'.repeat(43);

function deps(answer: (url: string, init?: RequestInit) => Response) {
  const store: Record<string, unknown> = { [SYNC_CONFIG_KEY]: CONFIG };
  const fetch = vi.fn(async (url: string, init?: RequestInit) => answer(url, init));
  return { deps: { local: { get: async () => store, set: async () => {}, remove: async () => {} }, fetch, own: OWN }, fetch };
}

describe('team requests in the background', () => {
  it('wraps a token the server issued into an invite carrying this browser’s server address', async () => {
    const { deps: d, fetch } = deps(() => new Response(JSON.stringify({ tokenId: '12', token: NEW_TOKEN, expiresAt: null }), { status: 201 }));
    const answer = await handleTeamMessage(d, { type: 'team:invite', userId: '9', options: { expiresInDays: 30 } }, PAGE);
    expect(fetch.mock.calls[0]?.[0]).toBe('https://sufler.acme.test/api/team/members/9/tokens');
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: JSON.stringify({ expiresInDays: 30 }) });
    if (answer?.ok !== true || !('invite' in answer)) throw new Error(`no invite: ${JSON.stringify(answer)}`);
    expect(decodeInvite(answer.invite)).toEqual({ ok: true, invite: { serverUrl: CONFIG.serverUrl, token: NEW_TOKEN } });
    // The head's own token never reaches the page.
    expect(JSON.stringify(answer)).not.toContain(CONFIG.token);
  });

  it('revokes with DELETE, sets a role with PATCH, and passes a 403 on with its code', async () => {
    const { deps: d, fetch } = deps((url, init) =>
      init?.method === 'PATCH' ? new Response(JSON.stringify({ error: { code: 'forbidden', message: 'this person is not in your team' } }), { status: 403 }) : new Response(null, { status: 204 }),
    );
    expect(await handleTeamMessage(d, { type: 'team:revoke', tokenId: '7' }, PAGE)).toEqual({ ok: true });
    expect(fetch.mock.calls[0]).toEqual(['https://sufler.acme.test/api/team/tokens/7', expect.objectContaining({ method: 'DELETE' })]);
    expect(await handleTeamMessage(d, { type: 'team:update', userId: '5', change: { role: 'head' } }, PAGE)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'this person is not in your team' },
    });
  });

  it('leaves other messages alone, refuses CRM pages and malformed requests without calling the server', async () => {
    const { deps: d, fetch } = deps(() => new Response('{}'));
    expect(handleTeamMessage(d, { type: 'reports:scope' }, PAGE)).toBeUndefined();
    expect(await handleTeamMessage(d, { type: 'team:list' }, { id: OWN.id, url: 'https://acme.amocrm.ru/leads/detail/1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handleTeamMessage(d, { type: 'team:revoke', tokenId: '../admin' }, PAGE)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await handleTeamMessage(d, { type: 'team:add', member: { email: 'x\u0000@y' } }, PAGE)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(fetch).not.toHaveBeenCalled();
  });
});
