import { browser } from 'wxt/browser';
import { openDatabase } from '../db/database';
import { createSyncEngine } from '../sync/sync-engine';
import { createSyncRunner, type AlarmsLike } from '../sync/sync-runner';
import type { BackgroundDeps, HubPort, StorageAreaLike } from './background-deps';
import { createBackground, type Background, type StorageChangeLike } from './create-background';
import { isExtensionPageSender, type OwnExtension } from './extension-sender';
import { handleBookMessage } from './book-requests';
import { handleReportMessage } from './report-requests';
import { handleMailMessage, type MailSendDeps } from './mail-send';
import { blockOwnPixels, type DynamicRulesApi } from './own-pixel-block';
import { MAIL_ADAPTERS, mailHostNames } from '../adapters/mail/mail-sites';
import { createOpenNotifier, type NotificationsLike } from './open-notifier';
import { followOpenEvents } from './open-event-stream';
import { readSettings } from './settings-storage';
import { uiLang } from './user-messages';
import { handleTeamMessage } from './team-requests';
import { createReminderAlarms } from './reminder-alarms';
import { REMINDER_PREFIX } from '../reminders/reminder';
import { createDigestNotifier } from './digest-notifier';
import { SETTINGS_KEY } from '../settings/settings';

/** How long after its start a worker waits before its wake-up sync. */
const SYNC_AFTER_WAKE_MS = 1000;

/**
 * Wire the background's handlers to the browser. Every listener is added synchronously,
 * in this one call at the top of the worker: an MV3 worker woken by an event only gets
 * that event if its listener exists before the first await.
 */
export function startBackground(): Background {
  const db = openDatabase();
  const local = browser.storage.local as unknown as StorageAreaLike;
  const now = () => Date.now();
  const engine = createSyncEngine({
    db,
    storage: local,
    // Called through a closure: the worker's fetch throws when called off its global.
    fetch: (input, init) => fetch(input, init),
    now,
  });
  const alarms = (browser.alarms as unknown as AlarmsLike | undefined) ?? null;
  // The runner tells the hub when a run starts and ends; `background` exists by the first run.
  const notifications = (browser as unknown as { notifications?: NotificationsLike }).notifications ?? null;
  const notifier = createOpenNotifier({
    db,
    local,
    notifications,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    now,
    lang: notifierLang(local),
  });
  const reminders = createReminderAlarms({ db, alarms, notifications, iconUrl: browser.runtime.getURL('/icon/128.png'), now, lang: notifierLang(local) });
  // After each sync run, announce the opens its pull brought.
  const sync = createSyncRunner({
    engine,
    alarms,
    listener: {
      syncChanged: () => {
        background.hub.syncChanged();
        void notifier.check();
      },
    },
  });
  const deps: BackgroundDeps = {
    db,
    session: browser.storage.session as unknown as StorageAreaLike,
    local,
    sync,
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    now,
    browserLanguage: () => globalThis.navigator?.language,
    reminders,
  };
  const background = createBackground(deps);
  // Open IndexedDB while the worker starts, not on the first panel's query (~0.4 s cold).
  deps.db.open().catch((error: unknown) => console.error('Sufler: could not open the database', error));

  const own: OwnExtension = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };
  const reports = { local, fetch: (input: string, init?: RequestInit) => fetch(input, init), own };
  const dnr = (browser as unknown as { declarativeNetRequest?: DynamicRulesApi }).declarativeNetRequest;
  const mail: MailSendDeps = {
    db,
    local,
    sync,
    fetch: reports.fetch,
    now,
    blockOwnPixels: (created) => blockOwnPixels(dnr, created),
    mailHosts: mailHostNames(MAIL_ADAPTERS),
  };
  // The head's daily digest of violations: an alarm at the chosen hour, a notice, a printable page.
  const digest = createDigestNotifier({
    ...reports,
    alarms,
    notifications,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    now,
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    lang: async () => uiLang(await readSettings(local), globalThis.navigator?.language),
  });
  browser.runtime.onMessage.addListener(
    (message: unknown, sender) =>
      digest.onMessage(message, sender) ??
      handleMailMessage(mail, message, sender) ??
      handleReportMessage(reports, message, sender) ??
      handleBookMessage(reports, message, sender) ??
      handleTeamMessage(reports, message, sender) ??
      background.onMessage(message, sender, isExtensionPageSender(sender, own)),
  );
  browser.runtime.onConnect.addListener((port) => {
    // The hub port carries the sync config and every privileged action: our pages only.
    if (!isExtensionPageSender(port.sender, own)) {
      console.warn('Sufler: refused a hub port from outside the extension’s pages', port.sender?.url);
      port.disconnect();
      return;
    }
    background.onConnect(port as unknown as HubPort);
  });
  browser.storage.onChanged.addListener((changes, areaName) => {
    void background.onStorageChanged(changes as Record<string, StorageChangeLike>, areaName);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void background.onTabRemoved(tabId);
  });
  browser.commands.onCommand.addListener((command) => {
    // No "tabs" permission is needed: the active tab's id comes without it.
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => background.onCommand(command, tab?.id ?? null));
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    void sync.onAlarm(alarm.name);
    void reminders.onAlarm(alarm.name);
    void digest.onAlarm(alarm.name, alarm.scheduledTime);
  });
  // Alarms do not survive everything (a browser restart may drop them): set every pending one again.
  void reminders.rearm();
  // A changed digest hour moves the alarm; every worker start sets it again (the same time, or the next).
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local' && SETTINGS_KEY in changes) void digest.arm();
  });
  void digest.arm();

  // A counted open arrives live while the worker runs: pull its touch now (the notice follows
  // the pull); a letter linked to no client is announced from the event itself.
  void followOpenEvents(
    {
      local,
      fetch: (input, init) => fetch(input, init),
      onEvent: (event) => {
        void notifier.onEvent(event);
        void sync.now();
      },
      sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
    },
    new AbortController().signal,
  );
  browser.notifications?.onClicked.addListener((id) => {
    const page = digest.pageFor(id);
    if (page !== null) {
      void browser.tabs.create({ url: browser.runtime.getURL(page) });
      return;
    }
    const card = id.startsWith(REMINDER_PREFIX) ? reminders.cardFor(id) : notifier.cardFor(id);
    void card.then((url) => (url === null ? undefined : browser.tabs.create({ url })));
  });

  // Whatever woke the worker, push what waits and pull what is new (a no-op without a
  // server), once the event that woke it has been served: a worker woken by a CRM tab answers
  // the tab and its panel first, then syncs. It lives for 30 s after its last event.
  setTimeout(() => void sync.start(), SYNC_AFTER_WAKE_MS);

  return background;
}

/** The language of notifications: the panel's, or the browser's when it follows the browser. */
function notifierLang(local: StorageAreaLike) {
  return async () => uiLang(await readSettings(local), globalThis.navigator?.language);
}
