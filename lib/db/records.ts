import { z } from 'zod';
import { PlaybookNoticeSchema } from '../playbook/playbook-change';
import { ClientContextSchema } from '../context/client-context';
import { TouchSchema } from '../touches/touch';
import { ComplianceSnapshotSchema } from '../wire/compliance';

/**
 * The shape of every row Sufler keeps in IndexedDB. Rows are parsed when read back:
 * IndexedDB keeps whatever an older version (or a bug) wrote, and a corrupt row must be
 * reported rather than flow into the panel.
 */

/** A CRM record the manager has opened at least once. */
export const ClientRecordSchema = z.object({
  /** clientKey() of the record: source, account, entity and CRM id. */
  key: z.string().min(1),
  source: z.string().min(1),
  account: z.string().min(1),
  entity: ClientContextSchema.shape.entity,
  crmId: z.string().min(1),
  name: z.string(),
  stage: z.string().nullable(),
  firstSeenAt: z.number().int().nonnegative(),
  /** When name or stage last changed (or the record was first seen). */
  updatedAt: z.number().int().nonnegative(),
  /** When the record was last open in a tab. */
  lastSeenAt: z.number().int().nonnegative(),
  /** The latest context read off the page, kept for reports and for the dashboard. */
  context: ClientContextSchema,
  /** The contacts' addresses and company domains (lib/mail/client-addresses.ts): a letter's recipient finds its client by them. */
  mailAddresses: z.array(z.string()).optional(),
  mailDomains: z.array(z.string()).optional(),
});
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/** A letter sent from a webmail with a pixel in it (the server holds the hits). */
export const TrackedLetterRecordSchema = z.object({
  /** The tracked email's id on the server too (a ULID made here). */
  id: z.string().min(1),
  /** `<webmail>:<its message id>`: a send retried by the webmail gets the same pixel. */
  letterKey: z.string().min(1),
  subject: z.string(),
  recipients: z.array(z.string()),
  /** The client the recipients matched, or null: tracked, linked to no client. */
  clientKey: z.string().nullable(),
  sentAt: z.number().int().nonnegative(),
  pixelUrl: z.string(),
  /** The "email sent" touch logged with it, when a client matched. */
  touchId: z.string().nullable(),
});
export type TrackedLetterRecord = z.infer<typeof TrackedLetterRecordSchema>;

/** A touch row is the shared Touch itself. */
export const TouchRecordSchema = TouchSchema;
export type TouchRecord = z.infer<typeof TouchRecordSchema>;

/** A compliance snapshot row is the shared snapshot itself. */
export const ComplianceRecordSchema = ComplianceSnapshotSchema;
export type ComplianceRecord = z.infer<typeof ComplianceRecordSchema>;

export const OUTBOX_ENTITIES = ['touch', 'client', 'compliance'] as const;

/**
 * A change waiting to reach the team server. Written in the same transaction as the
 * change itself, so nothing stored locally can miss the sync.
 */
export const OutboxRecordSchema = z.object({
  /** Auto-increment: the order changes were made in, which is the order they are pushed. */
  seq: z.number().int().positive(),
  entity: z.enum(OUTBOX_ENTITIES),
  entityId: z.string().min(1),
  op: z.literal('upsert'),
  payload: z.unknown(),
  createdAt: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  /** 'rejected': the server refused it for good; kept and shown, never dropped. */
  state: z.enum(['pending', 'rejected']),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;
/** An outbox row before IndexedDB has given it its sequence number. */
export type NewOutboxRecord = Omit<OutboxRecord, 'seq'>;

/**
 * An imported playbook. The playbook itself is stored as the JSON the team supplied and
 * parsed with parsePlaybook on every read, so a schema change never runs stale data.
 */
export const PlaybookRecordSchema = z.object({
  id: z.string().min(1),
  /** The playbook's own version label, for the options page and sync. */
  version: z.string(),
  importedAt: z.number().int().nonnegative(),
  /** 1 for the playbook in use, 0 otherwise: IndexedDB cannot index booleans. */
  active: z.union([z.literal(0), z.literal(1)]),
  /** 'file': imported by hand on the options page; 'team': published on the team server. */
  origin: z.enum(['file', 'team']).default('file'),
  playbook: z.unknown(),
  /** A team version only: what it changed against the playbook in use before it, for the panel. */
  notice: PlaybookNoticeSchema.optional(),
});
export type PlaybookRecord = z.infer<typeof PlaybookRecordSchema>;

/**
 * Parse rows read back from a table: valid rows are returned, each corrupt row is
 * reported (with its table and key) and left out.
 */
export function parseRows<T>(
  table: string,
  schema: z.ZodType<T>,
  rows: readonly unknown[],
  report: (problem: string) => void = (problem) => console.warn(problem),
): T[] {
  const valid: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) valid.push(parsed.data);
    else report(`Sufler: corrupt row in ${table} (${describeKey(row)}): ${z.prettifyError(parsed.error)}`);
  }
  return valid;
}

function describeKey(row: unknown): string {
  if (row && typeof row === 'object') {
    const r = row as Record<string, unknown>;
    for (const k of ['id', 'key', 'seq']) if (k in r) return `${k}=${String(r[k])}`;
  }
  return 'no key';
}
