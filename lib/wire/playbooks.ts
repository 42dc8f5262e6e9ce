import { z } from 'zod';
import { MAX_EPOCH_MS, boundedText } from './bounded-text';

/**
 * A sales head publishes the team playbook as JSON. The wire keeps it `unknown`: the server
 * checks it with parsePlaybook() (lib/playbook/parse-playbook.ts) and stores it as sent, and the
 * extension parses it again on arrival, so an older extension never trusts a newer shape blindly.
 */
export const PublishPlaybookRequestSchema = z.object({
  // Keys and values are bounded by parsePlaybook, which also drops keys it does not know.
  playbook: z.record(z.string(), z.unknown()),
});
export type PublishPlaybookRequest = z.infer<typeof PublishPlaybookRequestSchema>;

export const PlaybookVersionSchema = z.object({
  /** 1, 2, 3… per organisation. */
  version: z.number().int().positive().max(2 ** 31 - 1),
  playbook: z.unknown(),
  /** Epoch ms. */
  publishedAt: z.number().int().nonnegative().max(MAX_EPOCH_MS),
  /** Email of the head or admin who published it. */
  publishedBy: boundedText(320),
});
export type PlaybookVersion = z.infer<typeof PlaybookVersionSchema>;

const VersionNumberSchema = PlaybookVersionSchema.shape.version;

export const PublishPlaybookResponseSchema = PlaybookVersionSchema.omit({ playbook: true }).extend({
  /** Set when this version is a rollback: the earlier version it republished. */
  restoredFrom: VersionNumberSchema.nullable().optional(),
});
export type PublishPlaybookResponse = z.infer<typeof PublishPlaybookResponseSchema>;

/** `current` is null until someone publishes; the extension then keeps its built-in playbook. */
export const CurrentPlaybookResponseSchema = z.object({ current: PlaybookVersionSchema.nullable() });
export type CurrentPlaybookResponse = z.infer<typeof CurrentPlaybookResponseSchema>;

/** GET /api/playbooks/versions (heads and admins): the organisation's versions, newest first. */
export const PlaybookVersionListSchema = z.object({ versions: z.array(PublishPlaybookResponseSchema).max(1000) });
export type PlaybookVersionList = z.infer<typeof PlaybookVersionListSchema>;

/** `:version` in /api/playbooks/versions/:version[/rollback]. */
export const PlaybookVersionParamsSchema = z.object({ version: z.coerce.number().int().positive().max(2 ** 31 - 1) });

/** GET/PUT /api/playbooks/draft: the heads' working copy, null until one is saved. */
export const PlaybookDraftSchema = z.object({
  playbook: z.unknown(),
  /** Epoch ms. */
  updatedAt: z.number().int().nonnegative().max(MAX_EPOCH_MS),
  updatedBy: boundedText(320),
});
export type PlaybookDraft = z.infer<typeof PlaybookDraftSchema>;
export const PlaybookDraftResponseSchema = z.object({ draft: PlaybookDraftSchema.nullable() });
export type PlaybookDraftResponse = z.infer<typeof PlaybookDraftResponseSchema>;
