import type { Touch } from '../touches/touch';
import { ReminderSchema, type Reminder } from '../reminders/reminder';
import type { SuflerDatabase } from './database';
import { TouchRecordSchema, parseRows } from './records';
import { logTouch, type LogTouchResult } from './touch-store';

/**
 * Log a callback touch and its reminder in one transaction: a reminder without its touch,
 * or a callback whose reminder was lost, cannot be left behind. A resent log is a duplicate
 * and leaves the stored reminder as it is (fired or not).
 */
export function logTouchWithReminder(db: SuflerDatabase, touch: Touch, reminder: Reminder, now: number = Date.now()): Promise<LogTouchResult> {
  const valid = ReminderSchema.parse(reminder);
  return db.transaction('rw', db.touches, db.outbox, db.reminders, async () => {
    const result = await logTouch(db, touch, now);
    if (result === 'stored') await db.reminders.put(valid);
    return result;
  });
}

/** Every reminder not yet shown, soonest first; corrupt rows are left out. */
export async function pendingReminders(db: SuflerDatabase): Promise<Reminder[]> {
  const rows = await db.reminders.orderBy('at').toArray();
  return parseRows('reminders', ReminderSchema, rows).filter((r) => r.firedAt === null);
}

/**
 * Mark a reminder shown. Resolves to the reminder when this call fired it and it is still
 * wanted; null when it was fired already, does not exist, or its touch was since deleted or
 * edited to another outcome (then it is marked fired unseen). Of two alarms racing, only one
 * shows the notification.
 */
export function fireReminder(db: SuflerDatabase, id: string, now: number): Promise<Reminder | null> {
  return db.transaction('rw', db.reminders, db.touches, async () => {
    const stored = ReminderSchema.safeParse(await db.reminders.get(id));
    if (!stored.success || stored.data.firedAt !== null) return null;
    const fired = { ...stored.data, firedAt: now };
    await db.reminders.put(fired);
    const touch = TouchRecordSchema.safeParse(await db.touches.get(stored.data.touchId));
    const wanted = touch.success && touch.data.deleted !== true && touch.data.outcome === 'callback';
    return wanted ? fired : null;
  });
}

export async function reminderById(db: SuflerDatabase, id: string): Promise<Reminder | null> {
  const stored = ReminderSchema.safeParse(await db.reminders.get(id));
  return stored.success ? stored.data : null;
}
