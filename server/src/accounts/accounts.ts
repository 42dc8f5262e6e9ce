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

/** Issues a token for the user; the plain token is returned once and never stored. */
export async function issueToken(db: Queryable, secret: string, email: string): Promise<{ id: string; token: string }> {
  const userId = await one(db, 'SELECT id::text AS id FROM users WHERE email = $1', [email.trim().toLowerCase()], `no user ${email}`);
  const token = generateToken();
  const id = await one(
    db,
    'INSERT INTO tokens (user_id, token_hash) VALUES ($1::bigint, $2) RETURNING id::text AS id',
    [userId, hashToken(secret, token)],
    'insert failed',
  );
  return { id, token };
}

export async function revokeToken(db: Queryable, tokenId: string): Promise<void> {
  if (!/^\d{1,18}$/.test(tokenId)) throw new AccountError(`"${tokenId}" is not a token id`);
  await one(
    db,
    'UPDATE tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1::bigint RETURNING id::text AS id',
    [tokenId],
    `no token ${tokenId}`,
  );
}

export const UserListRow = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  team: z.string().nullable(),
  live_tokens: z.coerce.number(),
});
export type UserListRow = z.infer<typeof UserListRow>;

export async function listUsers(db: Queryable, orgName: string): Promise<UserListRow[]> {
  const orgId = await findOrg(db, orgName);
  const rows = await db.query(
    `SELECT u.id::text AS id, u.email, u.role, t.name AS team,
            (SELECT count(*) FROM tokens k WHERE k.user_id = u.id AND k.revoked_at IS NULL)::int AS live_tokens
       FROM users u LEFT JOIN teams t ON t.id = u.team_id
      WHERE u.org_id = $1::bigint ORDER BY u.id`,
    [orgId],
  );
  return rows.map((r) => UserListRow.parse(r));
}
