import type { SuflerDatabase } from '../db/database';
import { fireReminder, pendingReminders, reminderById } from '../db/reminder-store';
import type { Lang } from '../i18n/lang';
import { reminderAlarmName, reminderIdOf, type Reminder } from '../reminders/reminder';
import { reminderNotice } from '../reminders/reminder-notice';
import type { NotificationsLike } from './open-notifier';

/** The part of browser.alarms reminders use. */
export interface ReminderAlarmsApi {
  create(name: string, info: { when: number }): void | Promise<void>;
}

export interface ReminderAlarmsDeps {
  db: SuflerDatabase;
  alarms: ReminderAlarmsApi | null;
  notifications: NotificationsLike | null;
  iconUrl: string;
  now(): number;
  lang(): Promise<Lang>;
}

export interface ReminderAlarms {
  /** A reminder just stored: its alarm is set, or it fires now when its time has passed. */
  arm(reminder: Reminder): Promise<void>;
  /** Worker start: alarms can be lost (a browser restart, an update), so every pending one is set again. */
  rearm(): Promise<void>;
  /** alarms.onAlarm: shows the reminder an alarm names; other alarms are not ours. */
  onAlarm(name: string): Promise<void>;
  /** The CRM card a clicked reminder notification leads to, or null. */
  cardFor(notificationId: string): Promise<string | null>;
}

/** Callback reminders: an alarm at the agreed time, then one notification, never two. */
export function createReminderAlarms(deps: ReminderAlarmsDeps): ReminderAlarms {
  const fire = async (id: string) => {
    // Marked fired before it is shown: a crash in between loses one notice, never shows it twice.
    const fired = await fireReminder(deps.db, id, deps.now());
    if (fired === null) return;
    const notice = reminderNotice(fired, await deps.lang());
    await deps.notifications?.create(notice.id, { type: 'basic', iconUrl: deps.iconUrl, title: notice.title, message: notice.message, priority: 2, requireInteraction: true });
  };
  const arm = async (reminder: Reminder) => {
    if (reminder.firedAt !== null) return;
    // A time already past (logged late, or missed while the browser was closed) fires at once.
    if (reminder.at <= deps.now()) await fire(reminder.id);
    else await deps.alarms?.create(reminderAlarmName(reminder.id), { when: reminder.at });
  };
  const guarded = (work: () => Promise<void>) => work().catch((error: unknown) => console.warn('Sufler: a reminder failed', error));

  return {
    arm: (reminder) => guarded(() => arm(reminder)),
    rearm: () =>
      guarded(async () => {
        for (const reminder of await pendingReminders(deps.db)) await arm(reminder);
      }),
    onAlarm: (name) =>
      guarded(async () => {
        const id = reminderIdOf(name);
        if (id !== null) await fire(id);
      }),
    async cardFor(notificationId) {
      const id = reminderIdOf(notificationId);
      return id === null ? null : ((await reminderById(deps.db, id))?.cardUrl ?? null);
    },
  };
}
