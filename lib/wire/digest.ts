import { z } from 'zod';
import { DaySchema } from './compliance';
import { ReportRowSchema } from './reports';

/**
 * The head's daily digest of violations (server/README.md, "Daily digest"): one day's managers
 * below the daily norm, deals viewed with empty required fields, key clients overdue.
 */
export const DIGEST_TABLES = {
  belowNorm: ['manager', 'calls', 'calls_norm', 'meetings', 'meetings_norm', 'below_norm'],
  gaps: ['title', 'url', 'stage', 'manager', 'missing', 'missing_fields'],
  overdue: ['title', 'url', 'segment', 'manager', 'last_touch', 'last_meeting', 'days_overdue'],
} as const;
export type DigestTable = keyof typeof DIGEST_TABLES;
export const DIGEST_TABLE_NAMES = Object.keys(DIGEST_TABLES) as DigestTable[];

const IdParam = z.string().regex(/^\d{1,18}$/, 'expected a numeric id');

export const DigestQuerySchema = z.object({
  /** The day the digest covers; today (UTC) when left out. */
  date: DaySchema.optional(),
  /** An admin may narrow to one team; a head always gets their own. */
  team: IdParam.optional(),
  format: z.enum(['json', 'csv']).default('json'),
  table: z.enum(['belowNorm', 'gaps', 'overdue']).default('belowNorm'),
  lang: z.enum(['ru', 'en']).default('ru'),
});
export type DigestQuery = z.infer<typeof DigestQuerySchema>;

export const DigestResponseSchema = z.object({
  date: z.string(),
  /** The zone the day was cut in. The server keeps no team time zone yet, so always UTC. */
  timeZone: z.string(),
  scope: z.object({ team: z.string().nullable() }),
  tables: z.object({
    belowNorm: z.array(ReportRowSchema),
    gaps: z.array(ReportRowSchema),
    overdue: z.array(ReportRowSchema),
  }),
});
export type DigestResponse = z.infer<typeof DigestResponseSchema>;
