import type { Db } from '../db/database';
import { createOrg, createTeam, createUser, issueToken } from './accounts';

export const DEMO_ORG = 'Demo';
export const DEMO_TEAM = 'Sales';
export const DEMO_ADMIN = 'admin@demo.local';

/**
 * On an empty database (no organisation yet) creates a demo organisation, a team and an admin
 * with a token, so a fresh install is usable at once. Returns the message to print, or null.
 */
export async function firstStart(db: Db, secret: string): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(5157202)');
    const any = await tx.query('SELECT 1 FROM orgs LIMIT 1');
    if (any.length > 0) return null;
    await createOrg(tx, DEMO_ORG);
    await createTeam(tx, DEMO_ORG, DEMO_TEAM);
    await createUser(tx, DEMO_ORG, DEMO_ADMIN, 'admin', DEMO_TEAM);
    const { token } = await issueToken(tx, secret, DEMO_ADMIN);
    return (
      `First start: created demo organisation «${DEMO_ORG}» with team «${DEMO_TEAM}» and admin ${DEMO_ADMIN}.\n` +
      `Admin token (shown once, keep it): ${token}\n` +
      `Первый запуск: создана демо-организация «${DEMO_ORG}», команда «${DEMO_TEAM}» и администратор ${DEMO_ADMIN}. ` +
      `Токен администратора показан один раз — сохраните его.`
    );
  });
}
