import type { ComplianceSnapshot } from '../../../lib/wire/compliance';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import type { TouchKind } from '../../../lib/touches/touch';
import { makeSnapshot, snapshotItem } from './compliance-fixtures';
import { makeTouch, push, touchItem, type Item } from './sync-fixtures';
import { auth, type TestServer } from './test-server';

type Who = 'mgrNorth' | 'mgrNorth2' | 'mgrSouth' | 'mgrB';

/**
 * The team's norms for the report tests, small enough to work out by hand: the lowest daily call
 * minimum of any role is 2, meetings 1 a day and 3 a week; no weekly call norm.
 */
export const REPORT_PLAYBOOK: Playbook = {
  ...DEFAULT_PLAYBOOK,
  activityNorms: [
    { role: 'hunter', period: 'day', metric: 'calls', min: 3 },
    { role: 'inbound', period: 'day', metric: 'calls', min: 2 },
    { role: 'closer', period: 'day', metric: 'meetings', min: 1 },
    { role: 'hunter', period: 'week', metric: 'meetings', min: 3 },
  ],
};

const at = (isoMinute: string): number => Date.parse(`${isoMinute}:00Z`);

/** "contact+ need-": the fields a stage required, + filled, - missing. */
function fields(spec: string): ComplianceSnapshot['fields'] {
  return spec.split(' ').filter(Boolean).map((f) => ({ id: f.slice(0, -1), filled: f.endsWith('+') }));
}

function snap(crmId: string, title: string, when: string, more: Partial<ComplianceSnapshot> & { f?: string }): ComplianceSnapshot {
  const { f, ...rest } = more;
  return makeSnapshot({
    crmId,
    title,
    day: when.slice(0, 10),
    takenAt: at(when),
    crmStage: null,
    stageId: null,
    segmentId: 'new_lead',
    responsible: null,
    fields: fields(f ?? ''),
    ...rest,
  });
}

function touches(clientKey: string, kind: TouchKind, when: string, n = 1): Item[] {
  return Array.from({ length: n }, () => touchItem(makeTouch({ clientKey, kind, at: at(when), outcome: 'done' })));
}

const key = (crmId: string): string => `amocrm:acme.amocrm.ru:lead:${crmId}`;
const q = { stageId: 'qualification', crmStage: 'Квалификация' };
const proposal = { stageId: 'proposal_sent', crmStage: 'КП отправлено' };
const negotiation = { stageId: 'negotiation', crmStage: 'Переговоры' };
const won = { stageId: 'won', crmStage: 'Успешно реализовано', terminal: 'won' as const };

const EMAILS: Record<Who, string> = {
  mgrNorth: 'ann@acme.test',
  mgrNorth2: 'boris@acme.test',
  mgrSouth: 'sofia@acme.test',
  mgrB: 'max@bolt.test',
};

/** Inserts touches the way the open tracker does (server-side, device `sufler-tracker`). */
async function storeAsTracker(s: TestServer, email: string, items: Item[]): Promise<void> {
  if (items.length === 0) return;
  await s.db.query(
    `INSERT INTO touches (id, org_id, user_id, team_id, device_id, client_key, payload, payload_hash)
     SELECT x.id, u.org_id, u.id, u.team_id, 'sufler-tracker', x.client_key, x.payload, x.id
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, client_key text, payload jsonb), users u
      WHERE u.email = $2`,
    [JSON.stringify(items.map((i) => ({ id: i.id, client_key: (i.payload as { clientKey: string }).clientKey, payload: i.payload }))), email],
  );
}

/** Everything the report tests count, pushed through the real sync API. See reports.test.ts. */
export async function seedReports(s: TestServer): Promise<void> {
  const t = s.world.tokens;
  const res = await s.app.inject({ method: 'POST', url: '/api/playbooks', headers: auth(t.headNorth), payload: { playbook: REPORT_PLAYBOOK } });
  if (res.statusCode !== 201) throw new Error(`publish answered ${res.statusCode}: ${res.body}`);

  const data: Record<Who, Item[]> = {
    mgrNorth: [
      snapshotItem(snap('1001', 'Трубы', '2026-03-02T09:00', { ...q, f: 'contact+ lead_source- company+ need- decision_maker-' })),
      snapshotItem(snap('1001', 'Трубы', '2026-03-04T10:00', { ...q, f: 'contact+ lead_source+ company+ need- decision_maker-' })),
      snapshotItem(snap('1002', 'Насосы', '2026-03-03T11:00', { ...proposal, amount: 500_000, f: 'contact+ budget+ proposal_date+' })),
      snapshotItem(snap('1003', '=Краны', '2026-03-03T12:00', { ...negotiation, f: 'contact+ decision_date-' })),
      snapshotItem(snap('1003', '=Краны', '2026-03-05T12:00', { ...won, amount: 1_200_000, f: 'contact+ contract_number+' })),
      snapshotItem(snap('1003', '=Краны', '2026-03-10T12:00', { ...won, amount: 1_200_000, f: 'contact+ contract_number+' })),
      snapshotItem(snap('1005', 'Фильтры', '2026-02-25T12:00', { ...proposal, f: 'contact+ budget+ proposal_date+' })),
      snapshotItem(snap('1005', 'Фильтры', '2026-03-04T12:00', { ...proposal, f: 'contact+ budget+ proposal_date+' })),
      snapshotItem(snap('1006', 'Станки', '2026-02-27T12:00', { ...won, amount: 100_000, f: 'contact+' })),
      snapshotItem(snap('1007', 'Смазка', '2026-03-20T12:00', { ...won, f: 'contact+' })),
      snapshotItem(snap('1004', 'После периода', '2026-03-09T08:00', { ...q, f: 'contact-' })),
      snapshotItem(snap('5001', 'Ключевой завод', '2026-02-20T12:00', { segmentId: 'key', responsible: 'Анна К.', f: 'contact+' })),
      snapshotItem(snap('5002', 'Ключевой порт', '2026-02-20T12:00', { segmentId: 'key', f: 'contact+' })),
      ...touches(key('1001'), 'call', '2026-03-01T10:00', 5),
      ...touches(key('1001'), 'call', '2026-03-02T10:00', 3),
      ...touches(key('1001'), 'meeting', '2026-03-02T15:00'),
      ...touches(key('1002'), 'call', '2026-03-03T10:00'),
      ...touches(key('1002'), 'email', '2026-03-03T11:00'),
      ...touches(key('1002'), 'email_open', '2026-03-03T23:59'),
      ...touches(key('1003'), 'call', '2026-03-04T09:00', 2),
      ...touches(key('1003'), 'meeting', '2026-03-04T14:00'),
      ...touches(key('1003'), 'direct_mail', '2026-03-04T16:00'),
      ...touches(key('1003'), 'call', '2026-03-07T10:00'),
      ...touches(key('5001'), 'call', '2026-02-01T10:00'),
      ...touches(key('5001'), 'meeting', '2025-11-20T12:00'),
      ...touches(key('5001'), 'email', '2026-03-05T10:00'),
      ...touches(key('5002'), 'call', '2026-03-01T10:00'),
      ...touches(key('5002'), 'meeting', '2026-01-15T10:00'),
    ],
    mgrNorth2: [
      snapshotItem(snap('2001', 'Клапаны', '2026-03-02T13:00', { ...negotiation, amount: 300_000, f: 'contact+ budget+ decision_date- company+' })),
      snapshotItem(snap('2001', 'Клапаны', '2026-03-06T13:00', { ...won, f: 'contact+ budget+ decision_date+ contract_number+' })),
      snapshotItem(snap('6001', 'Топ-клиент', '2026-01-20T00:00', { segmentId: 'top_key', f: 'contact+' })),
      ...touches(key('2001'), 'call', '2026-03-02T09:00', 2),
      ...touches(key('2001'), 'meeting', '2026-03-02T16:00'),
    ],
    mgrSouth: [
      snapshotItem(snap('3001', 'Юг', '2026-03-03T10:00', { stageId: 'lead', crmStage: 'Первичный контакт', f: 'contact- lead_source-' })),
      snapshotItem(snap('7001', 'Южный ключевой', '2026-01-05T10:00', { segmentId: 'key', f: 'contact+' })),
      ...touches(key('3001'), 'call', '2026-03-02T10:00', 10),
    ],
    mgrB: [
      snapshotItem(snap('9001', 'Чужая сделка', '2026-03-03T10:00', { ...q, f: 'contact-' })),
      ...touches(key('9001'), 'call', '2026-03-02T10:00', 4),
    ],
  };
  for (const [who, all] of Object.entries(data) as [Who, Item[]][]) {
    // Opens are made by the tracker, never pushed: store them as the tracker does.
    const isOpen = (item: Item): boolean => (item.payload as { kind?: unknown }).kind === 'email_open';
    await storeAsTracker(s, EMAILS[who], all.filter(isOpen));
    const items = all.filter((item) => !isOpen(item));
    const { results } = await push(s.app, t[who], `dev-${who}`, items);
    const refused = results.filter((r) => r.status !== 'accepted');
    if (refused.length > 0) throw new Error(`seed refused for ${who}: ${JSON.stringify(refused)}`);
  }
}
