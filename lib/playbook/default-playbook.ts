import type { Playbook } from './schema';
import { DEFAULT_ACTIVITY_NORMS } from './default/activity-norms';
import { DEFAULT_CRM_STAGES } from './default/crm-stages';
import { DEFAULT_FIELDS } from './default/fields';
import { DEFAULT_OBJECTIONS } from './default/objections';
import { DEFAULT_ROLES } from './default/roles';
import { BOOK_MEETING } from './default/scripts/book-meeting';
import { COLD_CALL } from './default/scripts/cold-call';
import { INBOUND_QUALIFICATION } from './default/scripts/inbound-qualification';
import { PROPOSAL_FOLLOW_UP } from './default/scripts/proposal-follow-up';
import { VIP_INVITATION } from './default/scripts/vip-invitation';
import { DEFAULT_SEGMENTS } from './default/segments';
import { DEFAULT_STAGES } from './default/stages';
import { t } from './default/text';

/**
 * The playbook that ships with Sufler, in Russian and English: the funnel's stages, the
 * key-client touch norms and the common objections of B2B sales. It is typed rather than
 * parsed at load (no runtime cost); tests/unit/playbook/schema.test.ts proves it passes
 * parsePlaybook, cross-references included.
 */
export const DEFAULT_PLAYBOOK: Playbook = {
  version: 1,
  id: 'default',
  name: t('Стандарт продаж B2B (по умолчанию)', 'B2B sales standard (default)'),
  roles: DEFAULT_ROLES,
  // Each stage with its names per CRM (default/crm-stages.ts).
  stages: DEFAULT_STAGES.map((stage) => {
    const perCrm = DEFAULT_CRM_STAGES[stage.id];
    return perCrm ? { ...stage, crmStages: { ...perCrm, ...stage.crmStages } } : stage;
  }),
  fields: DEFAULT_FIELDS,
  scripts: [COLD_CALL, INBOUND_QUALIFICATION, BOOK_MEETING, PROPOSAL_FOLLOW_UP, VIP_INVITATION],
  objections: DEFAULT_OBJECTIONS,
  segments: DEFAULT_SEGMENTS,
  activityNorms: DEFAULT_ACTIVITY_NORMS,
};
