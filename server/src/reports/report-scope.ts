import { z } from 'zod';
import type { ReportScopeResponse } from '../../../lib/wire/reports';
import type { Caller } from '../auth/caller';
import type { Queryable } from '../db/database';
import { HttpError } from '../http-error';

/** What one report may read: always one organisation, narrowed to a team and/or one person. */
export interface ReportScope {
  orgId: string;
  teamId: string | null;
  userId: string | null;
}

const forbidden = (message: string): HttpError => new HttpError(403, 'forbidden', message);

/**
 * Narrows a report to what the caller may see. A manager sees only their own figures (asking
 * for any team, their own included, or another person is 403); a head sees their team (another team, or a person
 * outside it, is 403); an admin sees the whole organisation. Ids of other organisations answer
 * exactly like ids that do not exist, so nothing about them leaks.
 */
export async function resolveScope(db: Queryable, caller: Caller, wanted: { team?: string; manager?: string }): Promise<ReportScope> {
  const team = wanted.team ?? null;
  const manager = wanted.manager ?? null;
  if (caller.role === 'manager') {
    // A team view is the head's, even of the manager's own team.
    if (team !== null) throw forbidden('a team report is for its head; a manager sees only their own figures');
    if (manager !== null && manager !== caller.userId) throw forbidden('a manager sees only their own figures');
    return { orgId: caller.orgId, teamId: null, userId: caller.userId };
  }
  if (caller.role === 'head') {
    if (caller.teamId === null) throw forbidden('this head belongs to no team');
    if (team !== null && team !== caller.teamId) throw forbidden('a head sees only their own team');
    if (manager !== null && !(await userInScope(db, caller.orgId, caller.teamId, manager))) throw forbidden('this person is not in your team');
    return { orgId: caller.orgId, teamId: caller.teamId, userId: manager };
  }
  if (team !== null) {
    const rows = await db.query('SELECT 1 FROM teams WHERE id = $1::bigint AND org_id = $2::bigint', [team, caller.orgId]);
    if (rows.length === 0) throw forbidden('no such team in your organisation');
  }
  if (manager !== null && !(await userInScope(db, caller.orgId, team, manager))) throw forbidden('no such person in this scope');
  return { orgId: caller.orgId, teamId: team, userId: manager };
}

async function userInScope(db: Queryable, orgId: string, teamId: string | null, userId: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM users WHERE id = $1::bigint AND org_id = $2::bigint AND ($3::bigint IS NULL OR team_id = $3::bigint)`,
    [userId, orgId, teamId],
  );
  return rows.length > 0;
}

const TeamRow = z.object({ id: z.string(), name: z.string() });
const PersonRow = z.object({ id: z.string(), email: z.string(), team_id: z.string().nullable() });

/** The teams and managers the caller's filters may offer. */
export async function describeScope(db: Queryable, caller: Caller): Promise<ReportScopeResponse> {
  const teamFilter = caller.role === 'admin' ? null : caller.teamId;
  const teams =
    caller.role === 'admin' || caller.teamId !== null
      ? (await db.query(
          `SELECT id::text AS id, name FROM teams WHERE org_id = $1::bigint AND ($2::bigint IS NULL OR id = $2::bigint) ORDER BY name`,
          [caller.orgId, teamFilter],
        )).map((r) => TeamRow.parse(r))
      : [];
  const people =
    caller.role === 'manager'
      ? [{ id: caller.userId, email: caller.email, team_id: caller.teamId }]
      : caller.role === 'head' && caller.teamId === null
        ? []
        : (await db.query(
            `SELECT id::text AS id, email, team_id::text AS team_id FROM users
              WHERE org_id = $1::bigint AND role = 'manager' AND ($2::bigint IS NULL OR team_id = $2::bigint) ORDER BY email`,
            [caller.orgId, teamFilter],
          )).map((r) => PersonRow.parse(r));
  return {
    role: caller.role,
    userId: caller.userId,
    teams,
    managers: people.map((p) => ({ id: p.id, email: p.email, teamId: p.team_id })),
  };
}
