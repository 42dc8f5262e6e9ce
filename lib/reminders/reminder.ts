import { z } from 'zod';
import { MAX_EPOCH_MS, TEXT_LIMITS, boundedText } from '../wire/bounded-text';

/** Alarm and notification names of reminders start with this; the rest is the reminder id. */
export const REMINDER_PREFIX = 'sufler-reminder:';

/** An agreed callback: when to call, whom, and the card to open. Stored in Dexie `reminders`. */
export const ReminderSchema = z.object({
  /** The touch's id: one reminder per callback touch, so a resent log cannot make two. */
  id: boundedText(TEXT_LIMITS.id, 10),
  touchId: boundedText(TEXT_LIMITS.id, 10),
  clientKey: boundedText(TEXT_LIMITS.clientKey, 1),
  /** When to call back, epoch ms. */
  at: z.number().int().nonnegative().max(MAX_EPOCH_MS),
  /** The CRM card the notification opens (an http(s) URL), or null. */
  cardUrl: z.string().max(4000).nullable(),
  clientName: boundedText(TEXT_LIMITS.name).nullable(),
  /** When the notification was shown; null until then. Set once, so it never shows twice. */
  firedAt: z.number().int().nonnegative().max(MAX_EPOCH_MS).nullable(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export function reminderAlarmName(id: string): string {
  return `${REMINDER_PREFIX}${id}`;
}

/** The reminder id an alarm or notification names, or null when it is not a reminder's. */
export function reminderIdOf(name: string): string | null {
  const id = /^sufler-reminder:([0-9A-Za-z]{10,64})$/.exec(name)?.[1];
  return id ?? null;
}

/** Only web pages are opened from a notification; anything else a page published is dropped. */
export function safeCardUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && url.length <= 4000 ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The reminder of a callback touch. Names are cut to the stored limit rather than refused. */
export function reminderFor(touch: { id: string; clientKey: string }, client: { url: string; name: string }, at: number): Reminder {
  const name = client.name.trim().slice(0, TEXT_LIMITS.name);
  return ReminderSchema.parse({
    id: touch.id,
    touchId: touch.id,
    clientKey: touch.clientKey,
    at,
    cardUrl: safeCardUrl(client.url),
    // A name with a lone surrogate (or cut through a pair) is shown as no name, never refused.
    clientName: name === '' || !boundedText(TEXT_LIMITS.name).safeParse(name).success ? null : name,
    firedAt: null,
  });
}
