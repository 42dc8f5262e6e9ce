import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createReminderAlarms, type ReminderAlarms } from '../../../lib/background/reminder-alarms';
import { clientKey } from '../../../lib/context/client-context';
import { openDatabase } from '../../../lib/db/database';
import { pendingReminders } from '../../../lib/db/reminder-store';
import { deleteTouch, editTouch } from '../../../lib/db/touch-store';
import { FakePanelPort, NOW, cardAtFirstStage, startHarness, type Harness } from './test-harness';

const TAB = 7;
const TOUCH_ID = '01JDCALLBACKTEST0000000001';
const HOUR = 3_600_000;

/** browser.alarms and browser.notifications as far as reminders use them, recording calls. */
class FakeBrowserParts {
  alarms = new Map<string, number>();
  shown: { id: string; title: string; message: string }[] = [];
  alarmsApi = { create: (name: string, info: { when: number }) => void this.alarms.set(name, info.when) };
  notificationsApi = {
    create: async (id: string, options: { title: string; message: string }) => {
      this.shown.push({ id, title: options.title, message: options.message });
      return id;
    },
  };
}

let h: Harness;
let parts: FakeBrowserParts;
let clock: number;
let reminders: ReminderAlarms;

function remindersOver(h: Harness): ReminderAlarms {
  return createReminderAlarms({ db: h.deps.db, alarms: parts.alarmsApi, notifications: parts.notificationsApi, iconUrl: 'icon.png', now: () => clock, lang: async () => 'ru' });
}

beforeEach(async () => {
  fakeBrowser.reset();
  parts = new FakeBrowserParts();
  clock = NOW;
  h = await startHarness();
  reminders = remindersOver(h);
  h.deps.reminders = reminders;
  h.deps.now = () => clock;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.deps.db.delete();
});

async function logCallback(callbackAt: number | undefined, outcome = 'callback', id = TOUCH_ID) {
  await h.publish(TAB, cardAtFirstStage());
  const port = new FakePanelPort({ tabId: TAB });
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: null });
  port.send({ type: 'touch:log', requestId: id, draft: { kind: 'call', outcome, comment: 'Перезвонить завтра' }, callbackAt });
  return vi.waitFor(() => {
    const ack = port.ack(id);
    if (!ack) throw new Error('no ack yet');
    return ack;
  });
}

describe('a callback logged in the panel', () => {
  it('stores a reminder with the touch and sets an alarm for the agreed time', async () => {
    expect(await logCallback(NOW + 20 * HOUR)).toMatchObject({ error: null });

    const card = cardAtFirstStage();
    expect(await h.deps.db.touches.get(TOUCH_ID)).toMatchObject({ outcome: 'callback' });
    expect(await pendingReminders(h.deps.db)).toEqual([
      { id: TOUCH_ID, touchId: TOUCH_ID, clientKey: clientKey(card), at: NOW + 20 * HOUR, cardUrl: card.url, clientName: card.name, firedAt: null },
    ]);
    expect(parts.alarms.get(`sufler-reminder:${TOUCH_ID}`)).toBe(NOW + 20 * HOUR);
    expect(parts.shown).toEqual([]);
  });

  it('shows the notification when the alarm fires, and never a second time', async () => {
    await logCallback(NOW + HOUR);
    clock = NOW + HOUR;
    await reminders.onAlarm(`sufler-reminder:${TOUCH_ID}`);
    await reminders.onAlarm(`sufler-reminder:${TOUCH_ID}`);
    // A worker that starts again finds nothing left to show.
    await remindersOver(h).rearm();

    expect(parts.shown).toEqual([{ id: `sufler-reminder:${TOUCH_ID}`, title: `Перезвоните: ${cardAtFirstStage().name}`, message: expect.stringContaining('Договорились созвониться') }]);
    expect(await h.deps.db.reminders.get(TOUCH_ID)).toMatchObject({ firedAt: NOW + HOUR });
    expect(await reminders.cardFor(`sufler-reminder:${TOUCH_ID}`)).toBe(cardAtFirstStage().url);
  });

  it('fires at once when the agreed time has already passed', async () => {
    await logCallback(NOW - 5 * 60_000);
    expect(parts.alarms.size).toBe(0);
    expect(parts.shown.map((s) => s.id)).toEqual([`sufler-reminder:${TOUCH_ID}`]);
  });

  it('sets no reminder for any other outcome, nor for a callback without a time', async () => {
    await logCallback(NOW + HOUR, 'reached');
    await logCallback(undefined, 'callback', '01JDCALLBACKTEST0000000002');
    expect(await h.deps.db.touches.count()).toBe(2);
    expect(await h.deps.db.reminders.count()).toBe(0);
    expect(parts.alarms.size).toBe(0);
  });

  it('ignores a request whose time is beyond the end of dates, storing nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(logCallback(8_640_000_000_000_001)).rejects.toThrow('no ack yet');
    expect(warn).toHaveBeenCalledWith('Sufler: ignored a malformed panel message', expect.anything());
    expect(await h.deps.db.touches.count()).toBe(0);
    expect(await h.deps.db.reminders.count()).toBe(0);
  });

  it('keeps one reminder when the same log is resent', async () => {
    await logCallback(NOW + HOUR);
    await logCallback(NOW + 2 * HOUR);
    expect(await h.deps.db.reminders.count()).toBe(1);
    expect((await h.deps.db.reminders.get(TOUCH_ID))?.at).toBe(NOW + HOUR);
  });

  it('stores neither the touch nor its reminder when the reminder cannot be written', async () => {
    vi.spyOn(h.deps.db.reminders, 'put').mockRejectedValue(new Error('disk full'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const ack = await logCallback(NOW + HOUR);
    expect(ack.error).not.toBeNull();
    expect(await h.deps.db.touches.count()).toBe(0);
    expect((await h.deps.db.outbox.toArray()).filter((row) => row.entity === 'touch')).toEqual([]);
  });

  it('sets every pending alarm again when the worker starts, and fires the ones it missed', async () => {
    await logCallback(NOW + HOUR);
    await logCallback(NOW + 3 * HOUR, 'callback', '01JDCALLBACKTEST0000000002');
    parts.alarms.clear();
    clock = NOW + 2 * HOUR;

    await remindersOver(h).rearm();
    expect([...parts.alarms.keys()]).toEqual(['sufler-reminder:01JDCALLBACKTEST0000000002']);
    expect(parts.shown.map((s) => s.id)).toEqual([`sufler-reminder:${TOUCH_ID}`]);
  });

  it('stays silent for a callback deleted or changed to another outcome before its time', async () => {
    await logCallback(NOW + HOUR);
    await logCallback(NOW + HOUR, 'callback', '01JDCALLBACKTEST0000000002');
    await deleteTouch(h.deps.db, TOUCH_ID, NOW + 1);
    await editTouch(h.deps.db, '01JDCALLBACKTEST0000000002', { kind: 'call', outcome: 'reached', comment: 'Дозвонились сами' }, NOW + 1);
    clock = NOW + HOUR;
    await reminders.onAlarm(`sufler-reminder:${TOUCH_ID}`);
    await reminders.onAlarm('sufler-reminder:01JDCALLBACKTEST0000000002');
    expect(parts.shown).toEqual([]);
    expect(await pendingReminders(h.deps.db)).toEqual([]);
  });

  it('ignores alarms and notifications that are not its own', async () => {
    await logCallback(NOW + HOUR);
    await reminders.onAlarm('sufler-sync');
    await reminders.onAlarm('sufler-reminder:01JDNOSUCHREMINDER00000000');
    expect(parts.shown).toEqual([]);
    expect(await reminders.cardFor(`sufler-open:${TOUCH_ID}`)).toBeNull();
  });
});

describe('the reminders table', () => {
  it('is added to a database that already has every other table', async () => {
    const name = `sufler-upgrade-${Date.now()}`;
    // The schema as it was before reminders: versions 1, 2, 4 and 5.
    const old = new Dexie(name);
    old.version(1).stores({ clients: 'key, updatedAt', touches: 'id, clientKey, [clientKey+at], at', outbox: '++seq, state, [entity+entityId]', playbooks: 'id, active, importedAt' });
    old.version(2).stores({ compliance: 'id, [clientKey+day], day' });
    old.version(4).stores({ clients: 'key, updatedAt, *mailAddresses, *mailDomains', trackedLetters: 'id, &letterKey, clientKey, sentAt' });
    old.version(5).stores({ segments: 'clientKey, class' });
    await old.table('touches').put({ id: TOUCH_ID, clientKey: 'k', kind: 'note', outcome: 'done', comment: '', at: NOW, stageId: null });
    old.close();

    const db = openDatabase(name);
    expect(await db.touches.count()).toBe(1);
    expect(await db.reminders.count()).toBe(0);
    await db.delete();
  });
});
