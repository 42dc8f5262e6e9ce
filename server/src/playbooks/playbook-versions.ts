import { z } from 'zod';
import type { PlaybookDraft, PlaybookVersion, PublishPlaybookResponse } from '../../../lib/wire/playbooks';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { lockOrgChanges } from '../sync/org-lock';

const EPOCH_MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;

const SummaryRow = z.object({
  version: z.number(),
  published_at: z.number(),
  published_by: z.string(),
  restored_from: z.number().nullable(),
});
const VersionRow = SummaryRow.extend({ json: z.unknown() });

/**
 * Stores the playbook as the organisation's next version (1, 2, 3…); `restoredFrom` marks a
 * rollback. A new version gets a new change sequence, so every device pulls it as it pulls any.
 */
export async function publishPlaybook(db: Db, caller: Caller, playbook: unknown, restoredFrom: number | null = null): Promise<PublishPlaybookResponse> {
  return db.transaction(async (tx) => {
    await lockOrgChanges(tx, caller.orgId);
    const rows = await tx.query(
      `INSERT INTO playbook_versions (org_id, version, json, published_by, restored_from)
       SELECT $1::bigint, coalesce(max(version), 0) + 1, $2::jsonb, $3::bigint, $4::integer
         FROM playbook_versions WHERE org_id = $1::bigint
       RETURNING version, ${EPOCH_MS('published_at')} AS published_at`,
      [caller.orgId, JSON.stringify(playbook), caller.userId, restoredFrom],
    );
    const row = z.object({ version: z.number(), published_at: z.number() }).parse(rows[0]);
    return { version: row.version, publishedAt: row.published_at, publishedBy: caller.email, restoredFrom };
  });
}

const SELECT_VERSION = `SELECT p.version, ${EPOCH_MS('p.published_at')} AS published_at, u.email AS published_by, p.restored_from`;

/** The newest published version of the caller's organisation, or null. */
export async function currentPlaybook(db: Queryable, orgId: string): Promise<PlaybookVersion | null> {
  const rows = await db.query(
    `${SELECT_VERSION}, p.json FROM playbook_versions p JOIN users u ON u.id = p.published_by
      WHERE p.org_id = $1::bigint ORDER BY p.version DESC LIMIT 1`,
    [orgId],
  );
  return rows[0] === undefined ? null : toVersion(VersionRow.parse(rows[0]));
}

/** One version of the organisation, or null (another organisation's number is just unknown). */
export async function playbookVersion(db: Queryable, orgId: string, version: number): Promise<PlaybookVersion | null> {
  const rows = await db.query(
    `${SELECT_VERSION}, p.json FROM playbook_versions p JOIN users u ON u.id = p.published_by
      WHERE p.org_id = $1::bigint AND p.version = $2::integer`,
    [orgId, version],
  );
  return rows[0] === undefined ? null : toVersion(VersionRow.parse(rows[0]));
}

/** The organisation's versions, newest first, without their bodies; the newest 1000 at most. */
export async function listPlaybookVersions(db: Queryable, orgId: string): Promise<PublishPlaybookResponse[]> {
  const rows = await db.query(
    `${SELECT_VERSION} FROM playbook_versions p JOIN users u ON u.id = p.published_by
      WHERE p.org_id = $1::bigint ORDER BY p.version DESC LIMIT 1000`,
    [orgId],
  );
  return rows.map((raw) => {
    const row = SummaryRow.parse(raw);
    return { version: row.version, publishedAt: row.published_at, publishedBy: row.published_by, restoredFrom: row.restored_from };
  });
}

function toVersion(row: z.infer<typeof VersionRow>): PlaybookVersion {
  return { version: row.version, playbook: row.json, publishedAt: row.published_at, publishedBy: row.published_by };
}

const DraftRow = z.object({ json: z.unknown(), updated_at: z.number(), updated_by: z.string() });

/** The heads' working draft of the organisation, or null. */
export async function readPlaybookDraft(db: Queryable, orgId: string): Promise<PlaybookDraft | null> {
  const rows = await db.query(
    `SELECT d.json, ${EPOCH_MS('d.updated_at')} AS updated_at, u.email AS updated_by
       FROM playbook_drafts d JOIN users u ON u.id = d.updated_by WHERE d.org_id = $1::bigint`,
    [orgId],
  );
  if (rows[0] === undefined) return null;
  const row = DraftRow.parse(rows[0]);
  return { playbook: row.json, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/** Replaces the organisation's draft (last save wins: heads edit one shared copy). */
export async function savePlaybookDraft(db: Queryable, caller: Caller, playbook: unknown): Promise<PlaybookDraft> {
  const rows = await db.query(
    `INSERT INTO playbook_drafts (org_id, json, updated_by) VALUES ($1::bigint, $2::jsonb, $3::bigint)
     ON CONFLICT (org_id) DO UPDATE SET json = EXCLUDED.json, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING ${EPOCH_MS('updated_at')} AS updated_at`,
    [caller.orgId, JSON.stringify(playbook), caller.userId],
  );
  const row = z.object({ updated_at: z.number() }).parse(rows[0]);
  return { playbook, updatedAt: row.updated_at, updatedBy: caller.email };
}
