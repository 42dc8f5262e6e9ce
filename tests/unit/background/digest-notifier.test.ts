import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestNotifier } from '../../../lib/background/digest-notifier';
import { DIGEST_ALARM } from '../../../lib/digest/digest-messages';
import { SETTINGS_KEY } from '../../../lib/settings/settings';
import { SYNC_CONFIG_KEY } from '../../../lib/sync/sync-config';
import { MemoryStorage, startLiveServer, type LiveServer } from '../sync/live-server';

const OWN = { id: 'abc', origin: 'chrome-extension://abc' };
// 19:00 in Moscow (UTC+3) on Tuesday 2026-03-03; the alarm ran late, after midnight.
const DUE = Date.parse('2026-03-03T16:00:00Z');
const LATE = Date.parse('2026-03-03T21:30:00Z');

/** The digest's background half against the real team server: alarm → server → notification. */
describe('the daily digest in the background', () => {
  let server: LiveServer;
  beforeAll(async () => {
    server = await startLiveServer();
  }, 60_000);
  afterAll(async () => server.close(), 60_000);

  function setup(token: string, hour?: number) {
    const local = new MemoryStorage();
    void local.set({ [SYNC_CONFIG_KEY]: { serverUrl: server.url, token, deviceId: 'dev-1' }, [SETTINGS_KEY]: { lang: 'en', outline: true, panelCollapsed: false, ...(hour === undefined ? {} : { digestHour: hour }) } });
    const alarms: { name: string; when?: number }[] = [];
    const shown: { id: string; title: string; message: string }[] = [];
    const digest = createDigestNotifier({
      local,
      fetch: (input, init) => fetch(input, init),
      alarms: { create: (name, info) => void alarms.push({ name, when: info.when }), get: async () => undefined },
      notifications: { create: async (id, o) => (shown.push({ id, title: o.title, message: o.message }), id) },
      iconUrl: 'icon.png',
      own: OWN,
      now: () => LATE,
      timeZone: () => 'Europe/Moscow',
      lang: async () => 'en',
    });
    return { digest, alarms, shown };
  }

  it("a head's alarm shows one notice of the day it was due, opening the printable page, and sets tomorrow's", async () => {
    const { digest, alarms, shown } = setup(server.world.tokens.headNorth);
    await digest.onAlarm(DIGEST_ALARM, DUE);
    // Nothing synced: both of North's managers made no call that Tuesday, below the default norms.
    expect(shown).toEqual([{ id: 'sufler-digest:2026-03-03', title: 'Violations digest for 2026-03-03', message: 'Below norm: 2 · deals with empty fields: 0 · key clients overdue: 0. Click to open.' }]);
    expect(alarms).toEqual([{ name: DIGEST_ALARM, when: Date.parse('2026-03-04T16:00:00Z') }]);
    expect(digest.pageFor('sufler-digest:2026-03-03')).toBe('/digest.html?date=2026-03-03');
    expect(digest.pageFor('sufler-open:abc')).toBeNull();
    expect(digest.pageFor('sufler-digest:2026-03-03/../../x')).toBeNull();
  });

  it("a manager's alarm shows nothing (the server says 403) and still sets the next; another alarm is not ours", async () => {
    const { digest, alarms, shown } = setup(server.world.tokens.mgrNorth, 9);
    await digest.onAlarm('sufler-sync', DUE);
    expect(alarms).toEqual([]);
    await digest.onAlarm(DIGEST_ALARM, DUE);
    expect(shown).toEqual([]);
    // 09:00 Moscow on the 4th is 06:00 UTC.
    expect(alarms).toEqual([{ name: DIGEST_ALARM, when: Date.parse('2026-03-04T06:00:00Z') }]);
  });

  it('the printable page gets the rows through the background; a content script does not', async () => {
    const { digest } = setup(server.world.tokens.headNorth);
    const answer = await digest.onMessage({ type: 'digest:get', date: '2026-03-03', lang: 'en' }, { id: OWN.id, url: `${OWN.origin}/digest.html` });
    expect(answer).toMatchObject({ ok: true, digest: { date: '2026-03-03', timeZone: 'UTC' } });
    expect(JSON.stringify(answer)).not.toContain(server.world.tokens.headNorth);
    expect(await digest.onMessage({ type: 'digest:get', date: '2026-03-03', lang: 'en' }, { id: OWN.id, url: 'https://acme.amocrm.ru/leads/detail/1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await digest.onMessage({ type: 'digest:get', date: '2026-03-03\u0000', lang: 'en' }, { id: OWN.id, url: `${OWN.origin}/digest.html` })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(digest.onMessage({ type: 'reports:scope' }, undefined)).toBeUndefined();
  });
});
