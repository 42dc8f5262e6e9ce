import { z } from 'zod';
import { RoleSchema, type Role } from '../../../lib/wire/me';
import type { Queryable } from '../db/database';
import { generateToken, hashToken } from '../auth/token';

/** Organisations, teams, users and tokens: what the admin CLI and the first start manage. */

export class AccountError extends Error {
  override name = 'AccountError';
}

const IdRow = z.object({ id: z.string() });

async function one(db: Queryable, sql: string, params: unknown[], missing: string): Promise<string> {
  const row = (await db.query(sql, params))[0];
  if (row === undefined) throw new AccountError(missing);
  return IdRow.parse(row).id;
}

export async function createOrg(db: Queryable, name: string): Promise<string> {
  if (name.trim() === '') throw new AccountError('organisation name is empty');
  const exists = await db.query('SELECT 1 FROM orgs WHERE name = $1', [name]);
  if (exists.length > 0) throw new AccountError(`organisation "${name}" already exists`);
  return one(db, 'INSERT INTO orgs (name) VALUES ($1) RETURNING id::text AS id', [name], 'insert failed');
}

export async function findOrg(db: Queryable, name: string): Promise<string> {
  return one(db, 'SELECT id::text AS id FROM orgs WHERE name = $1', [name], `no organisation "${name}"`);
}

export async function createTeam(db: Queryable, orgName: string, name: string): Promise<string> {
  const orgId = await findOrg(db, orgName);
  const exists = await db.query('SELECT 1 FROM teams WHERE org_id = $1::bigint AND name = $2', [orgId, name]);
  if (exists.length > 0) throw new AccountError(`team "${name}" already exists in "${orgName}"`);
  return one(db, 'INSERT INTO teams (org_id, name) VALUES ($1::bigint, $2) RETURNING id::text AS id', [orgId, name], 'insert failed');
}

const EmailSchema = z.string().trim().toLowerCase().pipe(z.email());

export async function createUser(
  db: Queryable,
  orgName: string,
  email: string,
  role: Role,
  teamName?: string,
): Promise<string> {
  const address = EmailSchema.safeParse(email);
  if (!address.success) throw new AccountError(`"${email}" is not an email address`);
  RoleSchema.parse(role);
  const orgId = await findOrg(db, orgName);
  let teamId: string | null = null;
  if (teamName !== undefined) {
    teamId = await one(
      db,
      'SELECT id::text AS id FROM teams WHERE org_id = $1::bigint AND name = $2',
      [orgId, teamName],
      `no team "${teamName}" in "${orgName}"`,
    );
  } else if (role !== 'admin') {
    // Managers and heads are seen through their team; without one they would see nothing.
    throw new AccountError(`a ${role} needs --team`);
  }
  const exists = await db.query('SELECT 1 FROM users WHERE email = $1', [address.data]);
  if (exists.length > 0) throw new AccountError(`user ${address.data} already exists`);
  return one(
    db,
    'INSERT INTO users (org_id, team_id, email, role) VALUES ($1::bigint, $2::bigint, $3, $4) RETURNING id::text AS id',
    [orgId, teamId, address.data, role],
    'insert failed',
  );
}

/** The id of a user by email, inside `orgId` when given (an org admin sees only their own). */
async function userIdOf(db: Queryable, email: string, orgId: string | null): Promise<string> {
  return one(
    db,
    'SELECT id::text AS id FROM users WHERE email = $1 AND ($2::bigint IS NULL OR org_id = $2::bigint)',
    [email.trim().toLowerCase(), orgId],
    `no user ${email}`,
  );
}

/** Issues a token for the user; the plain token is returned once and never stored. */
export async function issueToken(
  db: Queryable,
  secret: string,
  email: string,
  { orgId = null, expiresAt = null }: { orgId?: string | null; expiresAt?: Date | null } = {},
): Promise<{ id: string; token: string }> {
  const userId = await userIdOf(db, email, orgId);
  const token = generateToken();
  const id = await one(
    db,
    'INSERT INTO tokens (user_id, token_hash, expires_at) VALUES ($1::bigint, $2, $3::timestamptz) RETURNING id::text AS id',
    [userId, hashToken(secret, token), expiresAt?.toISOString() ?? null],
    'insert failed',
  );
  return { id, token };
}

/** Revokes one token (inside `orgId` when given; a token of another organisation is "no token"). */
export async function revokeToken(db: Queryable, tokenId: string, orgId: string | null = null): Promise<void> {
  if (!/^\d{1,18}$/.test(tokenId)) throw new AccountError(`"${tokenId}" is not a token id`);
  await one(
    db,
    `UPDATE tokens SET revoked_at = coalesce(revoked_at, now())
      WHERE id = $1::bigint AND ($2::bigint IS NULL OR user_id IN (SELECT id FROM users WHERE org_id = $2::bigint))
      RETURNING id::text AS id`,
    [tokenId, orgId],
    `no token ${tokenId}`,
  );
}

/** Revokes every live token of a user (a lost laptop, someone leaving); returns their ids. */
export async function revokeAllTokens(db: Queryable, email: string, orgId: string | null = null): Promise<string[]> {
  const userId = await userIdOf(db, email, orgId);
  const rows = await db.query(
    'UPDATE tokens SET revoked_at = now() WHERE user_id = $1::bigint AND revoked_at IS NULL RETURNING id::text AS id',
    [userId],
  );
  return rows.map((r) => IdRow.parse(r).id).sort((a, b) => Number(a) - Number(b));
}

export const UserListRow = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  team: z.string().nullable(),
  live_tokens: z.coerce.number(),
  /** Live token ids, each with its expiry when it has one: `3, 7 (expires 2027-01-31 23:59 UTC)`. */
  token_ids: z.string(),
});
export type UserListRow = z.infer<typeof UserListRow>;

const LIVE_TOKEN = 'k.user_id = u.id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())';

export async function listUsers(db: Queryable, orgName: string): Promise<UserListRow[]> {
  const orgId = await findOrg(db, orgName);
  const rows = await db.query(
    `SELECT u.id::text AS id, u.email, u.role, t.name AS team,
            (SELECT count(*) FROM tokens k WHERE ${LIVE_TOKEN})::int AS live_tokens,
            coalesce(array_to_string(array(
              SELECT k.id::text || CASE WHEN k.expires_at IS NULL THEN ''
                       ELSE ' (expires ' || to_char(k.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC)' END
                FROM tokens k WHERE ${LIVE_TOKEN} ORDER BY k.id), ', '), '') AS token_ids
       FROM users u LEFT JOIN teams t ON t.id = u.team_id
      WHERE u.org_id = $1::bigint ORDER BY u.id`,
    [orgId],
  );
  return rows.map((r) => UserListRow.parse(r));
}
