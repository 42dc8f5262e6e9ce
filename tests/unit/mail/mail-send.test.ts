import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleMailMessage, type MailSendDeps } from '../../../lib/background/mail-send';
import { recordClientSeen } from '../../../lib/db/client-store';
import { SETTINGS_KEY } from '../../../lib/settings/settings';
import { SYNC_CONFIG_KEY } from '../../../lib/sync/sync-config';
import type { CreatedTrackedEmail } from '../../../lib/wire/tracking';
import { freshDatabase, sampleContext } from '../db/sample-records';
import { MemoryStorage, startLiveServer, type LiveServer } from '../sync/live-server';

let server: LiveServer;
beforeAll(async () => {
  server = await startLiveServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

const GMAIL_TAB = { tab: { id: 7 }, url: 'https://mail.google.com/mail/u/0/#inbox' };
const CLIENT = sampleContext({ crmId: '501', contacts: [{ name: 'Пётр', phones: ['+7 900 000-00-00'], emails: ['Petrov@Vector.example'] }] });

async function setup(options: { connected?: boolean; serverUrl?: string; settings?: object } = {}) {
  const db = freshDatabase();
  const local = new MemoryStorage();
  if (options.connected !== false) {
    await local.set({ [SYNC_CONFIG_KEY]: { serverUrl: options.serverUrl ?? server.url, token: server.world.tokens.mgrNorth, deviceId: 'dev-1' } });
  }
  if (options.settings) await local.set({ [SETTINGS_KEY]: options.settings });
  await recordClientSeen(db, CLIENT, 1_000);
  const blocked: CreatedTrackedEmail[] = [];
  let syncs = 0;
  const deps: MailSendDeps = {
    db,
    local,
    sync: { soon: () => void (syncs += 1) },
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    blockOwnPixels: async (created) => void blocked.push(created),
    mailHosts: ['mail.google.com'],
  };
  return { db, deps, blocked, syncs: () => syncs };
}

function letter(to: string[], subject = 'КП', messageId = 'msg-a:r-1') {
  return { type: 'mail:send', site: 'gmail', from: 'ann@acme.test', letter: { messageId, to, cc: [], bcc: [], subject } };
}

describe('a letter sent from a webmail', () => {
  it('gets a pixel from the team server; its tracked letter, touch and outbox row are stored together', async () => {
    const { db, deps, blocked, syncs } = await setup();
    const answer = await handleMailMessage(deps, letter(['petrov@vector.example', 'boss@acme.test'], 'КП на поставку'), GMAIL_TAB);
    expect(answer?.pixelHtml).toMatch(new RegExp(`src="${server.url}/t/[A-Za-z0-9_-]{40}\\.gif"`));
    const [tracked] = await db.trackedLetters.toArray();
    expect(tracked).toMatchObject({ letterKey: 'gmail:msg-a:r-1', recipients: ['petrov@vector.example'], subject: 'КП на поставку', clientKey: expect.stringContaining('501') });
    const touches = await db.touches.toArray();
    expect(touches).toEqual([expect.objectContaining({ id: tracked!.touchId, kind: 'email', outcome: 'sent', clientKey: tracked!.clientKey })]);
    expect((await db.outbox.toArray()).filter((r) => r.entity === 'touch').map((r) => r.entityId)).toEqual([tracked!.touchId]);
    expect(blocked).toHaveLength(1);
    expect(syncs()).toBe(1);
    // The server holds it, with the colleague left out of its recipients.
    const rows = await server.db.query('SELECT recipients FROM tracked_emails WHERE id = $1', [tracked!.id]);
    expect(JSON.stringify(rows[0])).toContain('petrov@vector.example');
    expect(JSON.stringify(rows[0])).not.toContain('boss@acme.test');
  });

  it('links by the company domain when the exact address is not on a card, and to no client otherwise', async () => {
    const { db, deps } = await setup();
    await handleMailMessage(deps, letter(['new.person@vector.example'], 'A', 'msg-a:r-2'), GMAIL_TAB);
    await handleMailMessage(deps, letter(['someone@unknown.example'], 'B', 'msg-a:r-3'), GMAIL_TAB);
    const byKey = Object.fromEntries((await db.trackedLetters.toArray()).map((l) => [l.letterKey, l]));
    expect(byKey['gmail:msg-a:r-2']?.clientKey).toContain('501');
    expect(byKey['gmail:msg-a:r-3']).toMatchObject({ clientKey: null, touchId: null });
    expect(await db.touches.count()).toBe(1);
  });

  it('answers a retried send with the same pixel and logs nothing twice', async () => {
    const { db, deps } = await setup();
    const first = await handleMailMessage(deps, letter(['petrov@vector.example']), GMAIL_TAB);
    const again = await handleMailMessage(deps, letter(['petrov@vector.example']), GMAIL_TAB);
    expect(again).toEqual(first);
    expect(await db.trackedLetters.count()).toBe(1);
    expect(await db.touches.count()).toBe(1);
  });

  it('without a server, or with one that is down, goes out untracked and the touch is still logged', async () => {
    for (const options of [{ connected: false }, { serverUrl: 'http://127.0.0.1:9' }]) {
      const { db, deps, blocked } = await setup(options);
      expect(await handleMailMessage(deps, letter(['petrov@vector.example']), GMAIL_TAB)).toEqual({ pixelHtml: null });
      expect(await db.trackedLetters.count()).toBe(0);
      expect(await db.touches.count()).toBe(1);
      expect(blocked).toEqual([]);
    }
  });

  it('carries no pixel when tracking is off, or every recipient is on the never-track list', async () => {
    const off = await setup({ settings: { mailTracking: false } });
    expect(await handleMailMessage(off.deps, letter(['petrov@vector.example']), GMAIL_TAB)).toEqual({ pixelHtml: null });
    expect(await off.db.touches.count()).toBe(1);
    const never = await setup({ settings: { neverTrack: ['vector.example'] } });
    expect(await handleMailMessage(never.deps, letter(['petrov@vector.example']), GMAIL_TAB)).toEqual({ pixelHtml: null });
    expect(await never.db.touches.count()).toBe(0);
  });

  it('stores a subject with NUL and a lone surrogate, and refuses a megabyte one or a foreign sender', async () => {
    const { db, deps } = await setup();
    const answer = await handleMailMessage(deps, letter(['petrov@vector.example'], 'a\u0000b\ud800c'), GMAIL_TAB);
    expect(answer?.pixelHtml).not.toBeNull();
    expect((await db.trackedLetters.toArray())[0]?.subject).toBe('a\ufffdb\ufffdc');
    expect(await handleMailMessage(deps, letter(['petrov@vector.example'], 'x'.repeat(1_000_000), 'msg-a:r-9'), GMAIL_TAB)).toEqual({ pixelHtml: null });
    expect(await handleMailMessage(deps, letter(['petrov@vector.example'], 'x', 'msg-a:r-10'), { tab: { id: 1 }, url: 'https://evil.example/' })).toEqual({ pixelHtml: null });
    expect(await db.trackedLetters.count()).toBe(1);
    expect(handleMailMessage(deps, { type: 'touch:log' }, GMAIL_TAB)).toBeUndefined();
  });
});
