import { z } from 'zod';
import type { PlaybookVersion, PublishPlaybookResponse } from '../../../lib/wire/playbooks';
import type { Caller } from '../auth/caller';
import type { Db, Queryable } from '../db/database';
import { lockOrgChanges } from '../sync/org-lock';

const VersionRow = z.object({
  version: z.number(),
  json: z.unknown(),
  published_at: z.number(),
  published_by: z.string(),
});

/** Stores the playbook as the organisation's next version (1, 2, 3…). */
export async function publishPlaybook(db: Db, caller: Caller, playbook: unknown): Promise<PublishPlaybookResponse> {
  return db.transaction(async (tx) => {
    await lockOrgChanges(tx, caller.orgId);
    const rows = await tx.query(
      `INSERT INTO playbook_versions (org_id, version, json, published_by)
       SELECT $1::bigint, coalesce(max(version), 0) + 1, $2::jsonb, $3::bigint
         FROM playbook_versions WHERE org_id = $1::bigint
       RETURNING version, floor(extract(epoch FROM published_at) * 1000)::float8 AS published_at`,
      [caller.orgId, JSON.stringify(playbook), caller.userId],
    );
    const row = z.object({ version: z.number(), published_at: z.number() }).parse(rows[0]);
    return { version: row.version, publishedAt: row.published_at, publishedBy: caller.email };
  });
}

/** The newest published version of the caller's organisation, or null. */
export async function currentPlaybook(db: Queryable, orgId: string): Promise<PlaybookVersion | null> {
  const rows = await db.query(
    `SELECT p.version, p.json, floor(extract(epoch FROM p.published_at) * 1000)::float8 AS published_at, u.email AS published_by
       FROM playbook_versions p JOIN users u ON u.id = p.published_by
      WHERE p.org_id = $1::bigint ORDER BY p.version DESC LIMIT 1`,
    [orgId],
  );
  if (rows[0] === undefined) return null;
  const row = VersionRow.parse(rows[0]);
  return { version: row.version, playbook: row.json, publishedAt: row.published_at, publishedBy: row.published_by };
}
