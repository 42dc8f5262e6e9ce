import { describe, expect, it, vi } from 'vitest';
import { handleReportMessage } from '../../../lib/background/report-requests';
import { SYNC_CONFIG_KEY } from '../../../lib/sync/sync-config';

const OWN = { id: 'abc', origin: 'chrome-extension://abc' };
const EXT = `${OWN.origin}/`;
const FILTERS = { from: '2026-03-02', to: '2026-03-08', team: null, manager: '4', lang: 'en' };
const CONFIG = { serverUrl: 'https://sufler.example.com', token: 'x'.repeat(30), deviceId: 'dev-1' };

function deps(config: unknown, answer: () => Response) {
  const store: Record<string, unknown> = config === null ? {} : { [SYNC_CONFIG_KEY]: config };
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => answer());
  const local = {
    get: async () => store,
    set: async () => {},
    remove: async () => {},
  };
  return { deps: { local, fetch, own: OWN }, fetch };
}

const report = { kind: 'activity', from: '2026-03-02', to: '2026-03-08', scope: { team: null, manager: '4' }, tables: { byManager: [] } };

describe('report requests in the background', () => {
  it('leaves every other message to the other handlers', () => {
    const { deps: d } = deps(CONFIG, () => new Response('{}'));
    expect(handleReportMessage(d, { type: 'context:publish' }, { id: OWN.id, url: EXT })).toBeUndefined();
    expect(handleReportMessage(d, null, { id: OWN.id, url: EXT })).toBeUndefined();
  });

  it('asks the server with the stored token and hands the page the rows, never the token', async () => {
    const { deps: d, fetch } = deps(CONFIG, () => new Response(JSON.stringify(report)));
    const answer = await handleReportMessage(d, { type: 'reports:get', kind: 'activity', filters: FILTERS }, { id: OWN.id, url: `${EXT}dashboard.html` });
    expect(answer).toEqual({ ok: true, report });
    expect(fetch.mock.calls[0]?.[0]).toBe('https://sufler.example.com/api/reports/activity?from=2026-03-02&to=2026-03-08&lang=en&manager=4');
    expect((fetch.mock.calls[0]?.[1]?.headers as Record<string, string>).authorization).toBe(`Bearer ${CONFIG.token}`);
    expect(JSON.stringify(answer)).not.toContain(CONFIG.token);
  });

  it('refuses a content script in a CRM page, and says when no server is connected', async () => {
    const { deps: d, fetch } = deps(CONFIG, () => new Response('{}'));
    expect(await handleReportMessage(d, { type: 'reports:scope' }, { id: OWN.id, url: 'https://acme.amocrm.ru/leads/detail/1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(fetch).not.toHaveBeenCalled();
    const none = deps(null, () => new Response('{}'));
    expect(await handleReportMessage(none.deps, { type: 'reports:scope' }, { id: OWN.id, url: EXT })).toMatchObject({ ok: false, error: { code: 'not_configured' } });
  });

  it("passes the server's refusal on with its code and the parameter it names", async () => {
    const body = { error: { code: 'bad_request', message: 'the request does not match its schema', details: [{ path: 'querystring.to', message: 'must not be before from' }] } };
    const { deps: d } = deps(CONFIG, () => new Response(JSON.stringify(body), { status: 400 }));
    const answer = await handleReportMessage(d, { type: 'reports:get', kind: 'activity', filters: FILTERS }, { id: OWN.id, url: EXT });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('querystring.to: must not be before from') } });
    const forbidden = deps(CONFIG, () => new Response(JSON.stringify({ error: { code: 'forbidden', message: 'no' } }), { status: 403 }));
    expect(await handleReportMessage(forbidden.deps, { type: 'reports:scope' }, { id: OWN.id, url: EXT })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
