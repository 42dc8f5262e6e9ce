import { z } from 'zod';
import { RoleSchema, type Role } from '../../../lib/wire/me';
import type { AddMemberRequestSchema, IssueTokenRequestSchema, IssuedTokenResponse, TeamMembersResponse, UpdateMemberRequestSchema } from '../../../lib/wire/team';
import type { Caller } from '../auth/caller';
import { generateToken, hashToken } from '../auth/token';
import type { Queryable } from '../db/database';
import { HttpError } from '../http-error';

/**
 * The dashboard's team page. A head manages the people of their own team (managers and heads,
 * never an admin); an admin manages the whole organisation. Anyone else, or anyone out of
 * reach, is 403, and an id of another organisation answers exactly like one that does not exist.
 */

const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);

interface Reach {
  orgId: string;
  /** null: the whole organisation (an admin). */
  teamId: string | null;
}

function reachOf(caller: Caller): Reach {
  if (caller.role === 'admin') return { orgId: caller.orgId, teamId: null };
  if (caller.role === 'head') {
    if (caller.teamId === null) throw forbidden('this head belongs to no team');
    return { orgId: caller.orgId, teamId: caller.teamId };
  }
  throw forbidden('only a head or an admin manages the team');
}

const MemberRow = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  team_id: z.string().nullable(),
  tokens: z.array(
    z.object({ id: z.coerce.string(), created_at: z.string(), expires_at: z.string().nullable(), last_used_at: z.string().nullable() }),
  ),
});
const TeamRow = z.object({ id: z.string(), name: z.string() });

const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function listMembers(db: Queryable, caller: Caller): Promise<TeamMembersResponse> {
  const reach = reachOf(caller);
  const rows = await db.query(
    `SELECT u.id::text AS id, u.email, u.role, u.team_id::text AS team_id,
            coalesce((SELECT json_agg(json_build_object('id', k.id::text, 'created_at', ${ISO('k.created_at')},
                       'expires_at', ${ISO('k.expires_at')}, 'last_used_at', ${ISO('k.last_used_at')}) ORDER BY k.id)
                        FROM tokens k
                       WHERE k.user_id = u.id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())),
                     '[]'::json) AS tokens
       FROM users u
      WHERE u.org_id = $1::bigint AND ($2::bigint IS NULL OR (u.team_id = $2::bigint AND u.role <> 'admin'))
      ORDER BY u.email`,
    [reach.orgId, reach.teamId],
  );
  const teams = await db.query(
    `SELECT id::text AS id, name FROM teams WHERE org_id = $1::bigint AND ($2::bigint IS NULL OR id = $2::bigint) ORDER BY name`,
    [reach.orgId, reach.teamId],
  );
  return {
    canManageOrg: reach.teamId === null,
    teams: teams.map((r) => TeamRow.parse(r)),
    members: rows.map((r) => {
      // PGlite hands json back parsed, pg too; a string would be a driver that did not.
      const m = MemberRow.parse({ ...r, tokens: typeof r.tokens === 'string' ? JSON.parse(r.tokens) : r.tokens });
      return {
        id: m.id,
        email: m.email,
        role: m.role,
        teamId: m.team_id,
        tokens: m.tokens.map((k) => ({ id: k.id, createdAt: k.created_at, expiresAt: k.expires_at, lastUsedAt: k.last_used_at })),
      };
    }),
  };
}

/** The role and team a head or admin may give; throws 403/400 otherwise. */
async function checkAssignment(db: Queryable, reach: Reach, role: Role, teamId: string | null): Promise<void> {
  if (reach.teamId !== null) {
    if (role === 'admin') throw forbidden('only an admin makes someone an admin');
    if (teamId !== reach.teamId) throw forbidden('a head manages only their own team');
    return;
  }
  if (teamId !== null) {
    const rows = await db.query('SELECT 1 FROM teams WHERE id = $1::bigint AND org_id = $2::bigint', [teamId, reach.orgId]);
    if (rows.length === 0) throw forbidden('no such team in your organisation');
  } else if (role !== 'admin') {
    // Managers and heads are seen through their team; without one they would see nothing.
    throw new HttpError(400, 'bad_request', `a ${role} needs a team`, [{ path: 'body.teamId', message: 'choose a team' }]);
  }
}

export async function addMember(db: Queryable, caller: Caller, body: z.output<typeof AddMemberRequestSchema>): Promise<string> {
  const reach = reachOf(caller);
  const teamId = body.teamId === undefined ? reach.teamId : body.teamId;
  await checkAssignment(db, reach, body.role, teamId);
  const taken = await db.query('SELECT 1 FROM users WHERE email = $1', [body.email]);
  if (taken.length > 0) throw new HttpError(409, 'conflict', `${body.email} already has an account`, [{ path: 'body.email', message: 'already has an account' }]);
  const rows = await db.query(
    'INSERT INTO users (org_id, team_id, email, role) VALUES ($1::bigint, $2::bigint, $3, $4) RETURNING id::text AS id',
    [reach.orgId, teamId, body.email, body.role],
  );
  return String(rows[0]?.id);
}

const TargetRow = z.object({ role: RoleSchema, team_id: z.string().nullable() });

/** The person with this id, when the caller may manage them; 403 otherwise (missing ones too). */
async function memberInReach(db: Queryable, reach: Reach, userId: string): Promise<z.infer<typeof TargetRow>> {
  const row = (
    await db.query(
      `SELECT role, team_id::text AS team_id FROM users
        WHERE id = $1::bigint AND org_id = $2::bigint AND ($3::bigint IS NULL OR (team_id = $3::bigint AND role <> 'admin'))`,
      [userId, reach.orgId, reach.teamId],
    )
  )[0];
  if (row === undefined) throw forbidden(reach.teamId === null ? 'no such person in your organisation' : 'this person is not in your team');
  return TargetRow.parse(row);
}

export async function updateMember(db: Queryable, caller: Caller, userId: string, body: z.output<typeof UpdateMemberRequestSchema>): Promise<void> {
  const reach = reachOf(caller);
  // One's own role or team stays as it is: a slip here would lock the only head out.
  if (userId === caller.userId) throw forbidden('you cannot change your own role or team');
  const current = await memberInReach(db, reach, userId);
  const role = body.role ?? current.role;
  const teamId = body.teamId === undefined ? current.team_id : body.teamId;
  await checkAssignment(db, reach, role, teamId);
  await db.query('UPDATE users SET role = $2, team_id = $3::bigint WHERE id = $1::bigint', [userId, role, teamId]);
}

export async function issueMemberToken(
  db: Queryable,
  secret: string,
  caller: Caller,
  userId: string,
  body: z.output<typeof IssueTokenRequestSchema>,
  now: number = Date.now(),
): Promise<IssuedTokenResponse> {
  await memberInReach(db, reachOf(caller), userId);
  const token = generateToken();
  const expiresAt = body.expiresInDays === null ? null : new Date(now + body.expiresInDays * 86_400_000).toISOString();
  const rows = await db.query(
    'INSERT INTO tokens (user_id, token_hash, expires_at) VALUES ($1::bigint, $2, $3::timestamptz) RETURNING id::text AS id',
    [userId, hashToken(secret, token), expiresAt],
  );
  return { tokenId: String(rows[0]?.id), token, expiresAt };
}

export async function revokeMemberToken(db: Queryable, caller: Caller, tokenId: string): Promise<void> {
  const reach = reachOf(caller);
  const rows = await db.query(
    `UPDATE tokens SET revoked_at = coalesce(revoked_at, now())
      WHERE id = $1::bigint AND user_id IN (
        SELECT id FROM users WHERE org_id = $2::bigint AND ($3::bigint IS NULL OR (team_id = $3::bigint AND role <> 'admin')))
      RETURNING id`,
    [tokenId, reach.orgId, reach.teamId],
  );
  if (rows.length === 0) throw forbidden('no such token in your team');
}
