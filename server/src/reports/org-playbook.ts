import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../../lib/playbook/parse-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import type { Queryable } from '../db/database';
import { currentPlaybook } from '../playbooks/playbook-versions';

/** The norms reports measure against: the organisation's newest published playbook, or the default. */
export async function orgPlaybook(db: Queryable, orgId: string): Promise<Playbook> {
  const current = await currentPlaybook(db, orgId);
  if (current === null) return DEFAULT_PLAYBOOK;
  const parsed = parsePlaybook(current.playbook);
  return parsed.ok ? parsed.playbook : DEFAULT_PLAYBOOK;
}
