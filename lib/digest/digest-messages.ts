import { z } from 'zod';
import { ReportErrorSchema } from '../reports/report-messages';
import { DaySchema } from '../wire/compliance';
import { DigestResponseSchema } from '../wire/digest';

/** The hour the digest comes when the settings name none. */
export const DEFAULT_DIGEST_HOUR = 19;
export const DIGEST_ALARM = 'sufler-digest';
/** Prefix of the digest's notification ids; the rest is the day, e.g. `sufler-digest:2026-03-03`. */
export const DIGEST_NOTICE_PREFIX = 'sufler-digest:';

/** The day a digest notification is about, or null for any other notification. */
export function digestDayOf(notificationId: string): string | null {
  if (!notificationId.startsWith(DIGEST_NOTICE_PREFIX)) return null;
  const day = notificationId.slice(DIGEST_NOTICE_PREFIX.length);
  return DaySchema.safeParse(day).success ? day : null;
}

/** The printable digest page asks the background, which holds the token. */
export const DigestRequestSchema = z.object({ type: z.literal('digest:get'), date: DaySchema, lang: z.enum(['ru', 'en']) });
export type DigestRequest = z.infer<typeof DigestRequestSchema>;

export const DigestAnswerSchema = z.union([z.object({ ok: z.literal(true), digest: DigestResponseSchema }), z.object({ ok: z.literal(false), error: ReportErrorSchema })]);
export type DigestAnswer = z.infer<typeof DigestAnswerSchema>;
