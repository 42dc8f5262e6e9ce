import { z } from 'zod';
import { PARETO_CLASSES } from '../segments/pareto-classes';
import { boundedText, TEXT_LIMITS } from './bounded-text';

/**
 * Client segments from the numbers (server/README.md, "Segments"): the Pareto class each client
 * card got from a year of won revenue, and the class a head pinned by hand, which wins.
 */
export const ParetoClassSchema = z.enum(PARETO_CLASSES);

export const ComputedSegmentSchema = z.object({
  class: ParetoClassSchema,
  rank: z.number().int().positive(),
  of: z.number().int().positive(),
  revenue: z.number().nonnegative(),
  /** Share of the team's won revenue, 0..1. */
  share: z.number().min(0).max(1),
  computedAt: z.number().int().nonnegative(),
});
export type ComputedSegment = z.infer<typeof ComputedSegmentSchema>;

export const ClientSegmentSchema = z.object({
  clientKey: z.string(),
  teamId: z.string().nullable(),
  /** What applies: the pinned class when there is one, else the computed one. */
  class: ParetoClassSchema,
  pinned: z.boolean(),
  computed: ComputedSegmentSchema.nullable(),
  /** Why, in words, for the panel and the dashboard. */
  reason: z.object({ ru: z.string(), en: z.string() }),
});
export type ClientSegment = z.infer<typeof ClientSegmentSchema>;

export const SegmentsQuerySchema = z.object({
  team: z.string().regex(/^\d{1,18}$/, 'expected a team id').optional(),
  clientKey: boundedText(TEXT_LIMITS.clientKey, 1).optional(),
  /** Keyset paging: the last clientKey of the previous page. */
  after: boundedText(TEXT_LIMITS.clientKey, 1).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  /**
   * Changes only: segments written after this pull-order number, oldest first (the extension's
   * background fetch). Rows commit in this order (every writer holds the organisation's lock).
   */
  since: z.string().regex(/^\d{0,18}$/, 'expected a cursor from a previous answer').optional(),
});

export const SegmentsResponseSchema = z.object({
  segments: z.array(ClientSegmentSchema),
  /** The clientKey to pass as `after` for the next page (with `since`: the cursor); null on the last one. */
  next: z.string().nullable(),
  /** When this organisation's split last ran; null before the first run. */
  ranAt: z.number().nullable(),
  /** With `since`: pass back as `since` next time (unchanged when nothing was new); else absent. */
  cursor: z.string().optional(),
});
export type SegmentsResponse = z.infer<typeof SegmentsResponseSchema>;

export const PinSegmentRequestSchema = z.object({
  clientKey: boundedText(TEXT_LIMITS.clientKey, 1),
  /** null unpins: the computed class applies again. */
  class: ParetoClassSchema.nullable(),
});

export const RecomputeResponseSchema = z.object({
  clients: z.number().int().nonnegative(),
  /** Cards whose class, rank or figures changed, new ones included. */
  changed: z.number().int().nonnegative(),
  tookMs: z.number().int().nonnegative(),
  ranAt: z.number().int().nonnegative(),
});
