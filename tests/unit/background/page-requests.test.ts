import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExtensionPageSender } from '../../../lib/background/extension-sender';
import { TestConnectionAnswerSchema } from '../../../lib/messaging/page-requests';
import { ServerUrlSchema, isLoopbackHost } from '../../../lib/sync/sync-config';
import { startLiveServer, type LiveServer } from '../sync/live-server';
import { startHarness, type Harness } from './test-harness';

const OWN = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };

describe('who may speak to the background as one of our pages', () => {
  it('takes our own pages, also the panel docked in a CRM tab', () => {
    expect(isExtensionPageSender({ id: OWN.id, url: `${OWN.origin}/options.html` }, OWN)).toBe(true);
    expect(isExtensionPageSender({ id: OWN.id, url: `${OWN.origin}/panel.html`, origin: OWN.origin, tab: { id: 4 } }, OWN)).toBe(true);
  });

  it('refuses a content script in a CRM tab, another extension, and a sender that says nothing', () => {
    // A content script carries our id, but its url is the page's.
    expect(isExtensionPageSender({ id: OWN.id, url: 'https://acme.amocrm.ru/leads/detail/1', origin: 'https://acme.amocrm.ru', tab: { id: 4 } }, OWN)).toBe(false);
    expect(isExtensionPageSender({ id: 'other', url: 'chrome-extension://other/options.html' }, OWN)).toBe(false);
    expect(isExtensionPageSender({ id: OWN.id, url: `${OWN.origin}.evil.example/x` }, OWN)).toBe(false);
    expect(isExtensionPageSender({ id: OWN.id, url: `${OWN.origin}/options.html`, origin: 'https://acme.amocrm.ru' }, OWN)).toBe(false);
    expect(isExtensionPageSender({ id: OWN.id }, OWN)).toBe(false);
    expect(isExtensionPageSender(undefined, OWN)).toBe(false);
  });
});

describe('server addresses', () => {
  it('takes https anywhere and http only on this machine', () => {
    for (const ok of ['https://sufler.example.com', 'http://localhost:8787', 'http://127.0.0.1:8787', 'http://127.1.2.3', 'http://[::1]:8787']) {
      expect(ServerUrlSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['http://sufler.example.com', 'http://10.0.0.5:8787', 'http://localhost.evil.example', 'http://128.0.0.1', 'ftp://x.example']) {
      expect(ServerUrlSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
  });
});

describe('the options page’s connection test goes through the background', () => {
  let server: LiveServer;
  let h: Harness;
  beforeAll(async () => {
    server = await startLiveServer();
    h = await startHarness();
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('answers who the token belongs to, from the background', async () => {
    const answer = TestConnectionAnswerSchema.parse(
      await h.background.onMessage({ type: 'sync:test', serverUrl: `${server.url}/`, token: server.world.tokens.headNorth }, {}, true),
    );
    expect(answer).toMatchObject({ ok: true, me: { user: { email: 'head.north@acme.test', role: 'head' }, team: { name: 'North' } } });
  });

  it('answers a wrong token and an http address of another machine with a code, not a throw', async () => {
    const wrong = TestConnectionAnswerSchema.parse(
      await h.background.onMessage({ type: 'sync:test', serverUrl: server.url, token: 'sft_wrong-token-of-enough-length' }, {}, true),
    );
    expect(wrong).toMatchObject({ ok: false, failure: { code: 'unauthorized' } });
    const plain = TestConnectionAnswerSchema.parse(
      await h.background.onMessage({ type: 'sync:test', serverUrl: 'http://sufler.example.com', token: server.world.tokens.headNorth }, {}, true),
    );
    expect(plain).toMatchObject({ ok: false, failure: { code: 'bad_url' } });
  });

  it('ignores the request from anything but our own pages', () => {
    const answer = h.background.onMessage({ type: 'sync:test', serverUrl: server.url, token: server.world.tokens.headNorth }, { tab: { id: 3 } }, false);
    expect(answer).toBeUndefined();
  });
});
