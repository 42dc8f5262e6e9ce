import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A window-like object with amoCRM's APP as the page world exposes it (per amoCRM's web SDK docs),
 * built from the demo site's data file, so the lead-card fixture (rendered from the same
 * data) and this page data describe the same card.
 */
interface DemoData {
  account: {
    lang: string;
    users: Record<string, string>;
    pipelines: { id: string; name: string; statuses: { id: string; name: string }[] }[];
    pei: { phone: string; email: string };
    cf: Record<string, { name: string; type: string; code?: string; enums: Record<string, string> }>;
    layout: { id: string }[];
  };
  leads: {
    id: string;
    name: string;
    pipelineId: string;
    statusId: string;
    price: string;
    mainUserId: string;
    cfv: Record<string, string | string[]>;
    company: { id: string; name: string; phones: string[]; emails: string[] } | null;
    contacts: { id: string; name: string; phones: string[]; emails: string[] }[];
  }[];
}

export const DEMO_DATA = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/sites/amocrm/leads.json'), 'utf8'),
) as DemoData;

const TYPE_ID: Record<string, number> = { text: 1, numeric: 2, checkbox: 3, select: 4, multiselect: 5, date: 6, url: 7, multitext: 8, textarea: 9 };

function model(attributes: Record<string, unknown>) {
  return { attributes, get: (k: string) => attributes[k], toJSON: () => ({ ...attributes }) };
}

export function fakeAmoWindow(leadId: string, overrides: { cardId?: number; withLinked?: boolean } = {}) {
  const { account } = DEMO_DATA;
  const lead = DEMO_DATA.leads.find((l) => l.id === leadId);
  if (!lead) throw new Error(`no demo lead ${leadId}`);
  const attributes: Record<string, unknown> = {
    'lead[NAME]': lead.name,
    'lead[STATUS]': Number(lead.statusId),
    'lead[PIPELINE_ID]': Number(lead.pipelineId),
    'lead[PRICE]': lead.price,
    ID: lead.id,
    // Not for us: must not leave the page.
    csrf_token: 'secret-token',
  };
  for (const f of account.layout) attributes[`CFV[${f.id}]`] = lead.cfv[f.id] ?? '';
  const pei = (e: { phones: string[]; emails: string[] }) => ({
    [`CFV[${account.pei.phone}]`]: Object.fromEntries(e.phones.map((v, i) => [String(i + 1), { VALUE: v }])),
    [`CFV[${account.pei.email}]`]: Object.fromEntries(e.emails.map((v, i) => [String(i + 1), { VALUE: v }])),
  });
  const linked = [
    ...(lead.company ? [{ url: '/ajax/companies/detail/', ...model({ ID: lead.company.id, 'contact[NAME]': lead.company.name, ...pei(lead.company) }) }] : []),
    ...lead.contacts.map((c) => ({ url: '/ajax/contacts/detail/', ...model({ ID: c.id, 'contact[NAME]': c.name, ...pei(c) }) })),
  ];
  const app = {
    lang_id: account.lang,
    data: {
      current_card: {
        id: overrides.cardId ?? Number(lead.id),
        element_type: 2,
        main_user: Number(lead.mainUserId),
        model: model(attributes),
        ...(overrides.withLinked === false ? {} : { linked_forms: { form_models: { models: linked } } }),
      },
    },
    constant(key: string) {
      if (key !== 'account') return undefined;
      return {
        cf: Object.fromEntries(
          Object.entries(account.cf).map(([id, d]) => [
            id,
            { ID: id, NAME: d.name, TYPE_ID: TYPE_ID[d.type] ?? 1, CODE: d.code ?? '', ENUMS: Object.entries(d.enums).map(([eid, v]) => ({ ID: eid, VALUE: v })) },
          ]),
        ),
        users: { ...account.users },
        pipelines: Object.fromEntries(
          account.pipelines.map((p) => [p.id, { id: Number(p.id), name: p.name, statuses: Object.fromEntries(p.statuses.map((s) => [s.id, { id: Number(s.id), name: s.name }])) }]),
        ),
      };
    },
  };
  return { AMOCRM: app };
}
