import { z } from 'zod';
import { RoleSchema, type Role } from '../../../lib/wire/me';
import type { Queryable } from '../db/database';

/** Who is calling, resolved from the token; every query is scoped with it. */
export interface Caller {
  userId: string;
  orgId: string;
  orgName: string;
  teamId: string | null;
  teamName: string | null;
  role: Role;
  email: string;
  tokenId: string;
}

const CallerRow = z.object({
  user_id: z.string(),
  org_id: z.string(),
  org_name: z.string(),
  team_id: z.string().nullable(),
  team_name: z.string().nullable(),
  role: RoleSchema,
  email: z.string(),
  token_id: z.string(),
  expired: z.boolean(),
});

/** The caller for a live token hash; 'expired' past its expiry; null when unknown or revoked. */
export async function findCaller(db: Queryable, tokenHash: string): Promise<Caller | 'expired' | null> {
  const rows = await db.query(
    `SELECT u.id::text AS user_id, o.id::text AS org_id, o.name AS org_name,
            t.id::text AS team_id, t.name AS team_name, u.role, u.email, k.id::text AS token_id,
            (k.expires_at IS NOT NULL AND k.expires_at <= now()) AS expired
       FROM tokens k
       JOIN users u ON u.id = k.user_id
       JOIN orgs o ON o.id = u.org_id
       LEFT JOIN teams t ON t.id = u.team_id
      WHERE k.token_hash = $1 AND k.revoked_at IS NULL`,
    [tokenHash],
  );
  const row = rows[0];
  if (row === undefined) return null;
  const r = CallerRow.parse(row);
  if (r.expired) return 'expired';
  // Written at most once a minute per token, so reads stay reads.
  await db.query(
    `UPDATE tokens SET last_used_at = now()
      WHERE id = $1::bigint AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
    [r.token_id],
  );
  return {
    userId: r.user_id,
    orgId: r.org_id,
    orgName: r.org_name,
    teamId: r.team_id,
    teamName: r.team_name,
    role: r.role,
    email: r.email,
    tokenId: r.token_id,
  };
}
