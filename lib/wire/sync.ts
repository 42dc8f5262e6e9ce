import { z } from 'zod';
import { TouchSchema } from '../touches/touch';
import { MAX_EPOCH_MS, TEXT_LIMITS, boundedText } from './bounded-text';
import { DeviceIdSchema, UlidSchema } from './id-schemas';
import { PlaybookVersionSchema } from './playbooks';
import { ComplianceSnapshotSchema } from './compliance';

/** Most items one push may carry; the extension splits its outbox into batches this size. */
export const MAX_PUSH_ITEMS = 500;
/** Most changes one pull page may return, and the page size when none is asked for. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;
/**
 * A pull page also stops once its changes pass this many bytes of JSON (a page always holds
 * at least one change, so it may pass the cap by that one); `more: true` says to continue.
 */
export const MAX_PULL_BYTES = 1024 * 1024;

export const SYNC_ENTITIES = ['touch', 'client', 'compliance'] as const;
export const SyncEntitySchema = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof SyncEntitySchema>;

/** A CRM record as teams share it: enough to name it in reports, no personal contact data. */
export const SharedClientSchema = z.object({
  /** clientKey() of the record: source:account:entity:crmId. */
  key: boundedText(TEXT_LIMITS.clientKey, 1),
  source: boundedText(TEXT_LIMITS.id, 1),
  account: boundedText(TEXT_LIMITS.label, 1),
  entity: z.enum(['lead', 'contact', 'company', 'deal', 'unknown']),
  crmId: boundedText(128, 1),
  name: boundedText(TEXT_LIMITS.name),
  stage: boundedText(TEXT_LIMITS.label).nullable(),
  /**
   * Epoch ms of the last change on the device; the newest one wins on the server, which
   * refuses a date ahead of its clock (a record from year 287396 would win forever).
   */
  updatedAt: z.number().int().nonnegative().max(MAX_EPOCH_MS),
});
export type SharedClient = z.infer<typeof SharedClientSchema>;

/**
 * One outbox row as it is sent. The envelope (id, entity, op) must be right or the whole request
 * is refused (400); a payload that fails its schema only rejects that item.
 */
export const SyncItemEnvelopeSchema = z.object({
  id: UlidSchema,
  entity: SyncEntitySchema,
  op: z.literal('upsert'),
  // Checked per item by its entity's schema (which drops keys it does not know).
  payload: z.record(z.string(), z.unknown()),
});

export const TouchItemSchema = SyncItemEnvelopeSchema.extend({ entity: z.literal('touch'), payload: TouchSchema });
export const ClientItemSchema = SyncItemEnvelopeSchema.extend({ entity: z.literal('client'), payload: SharedClientSchema });
/** A fully valid item: what the extension builds. */
export const ComplianceItemSchema = SyncItemEnvelopeSchema.extend({ entity: z.literal('compliance'), payload: ComplianceSnapshotSchema });
export const SyncItemSchema = z.discriminatedUnion('entity', [TouchItemSchema, ClientItemSchema, ComplianceItemSchema]);
export type SyncItem = z.infer<typeof SyncItemSchema>;

/** What the server accepts at the door; payloads are checked per item afterwards. */
export const PushRequestSchema = z.object({
  deviceId: DeviceIdSchema,
  items: z.array(SyncItemEnvelopeSchema).min(1).max(MAX_PUSH_ITEMS),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PUSH_STATUSES = ['accepted', 'duplicate', 'rejected'] as const;
/**
 * Reasons the server gives: `invalid_payload` (the payload failed its schema; details follow
 * after a colon), `id_conflict` (the id is taken by different content), `superseded` (a client
 * record older than the one stored; nothing changed, pull brings the newer one).
 */
export const PushResultSchema = z.object({
  id: boundedText(TEXT_LIMITS.id),
  status: z.enum(PUSH_STATUSES),
  reason: boundedText(1000).optional(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

/** One result per item, in the order the items were sent. */
export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) });
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** A pull cursor: the last server sequence number seen, '' or '0' for "from the start". */
export const CursorSchema = z.string().regex(/^\d{0,18}$/, 'expected a cursor from a previous pull');

export const PullQuerySchema = z.object({
  cursor: CursorSchema.default(''),
  /** Plain decimal digits only: '1e3' or ' 5' are mistakes worth a 400, not a guess. */
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_PULL_LIMIT))
    .default(DEFAULT_PULL_LIMIT),
  /** The caller's device: its own touches are left out (it has them already). */
  deviceId: DeviceIdSchema.optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

const ChangeBase = z.object({ seq: z.number().int().positive() });

export const TouchChangeSchema = ChangeBase.extend({
  type: z.literal('touch'),
  touch: TouchSchema,
  userId: boundedText(TEXT_LIMITS.id),
  deviceId: boundedText(TEXT_LIMITS.id),
});
export const ClientChangeSchema = ChangeBase.extend({
  type: z.literal('client'),
  client: SharedClientSchema,
});
export const PlaybookChangeSchema = ChangeBase.extend({
  type: z.literal('playbook'),
  playbook: PlaybookVersionSchema,
});
export const ChangeSchema = z.discriminatedUnion('type', [TouchChangeSchema, ClientChangeSchema, PlaybookChangeSchema]);
export type Change = z.infer<typeof ChangeSchema>;

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /** Pass back as `cursor` next time; unchanged when there was nothing new. */
  cursor: CursorSchema,
  /** True when more changes wait after this page. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;
