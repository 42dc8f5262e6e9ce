// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ZOHO_ADAPTER } from '../../../lib/adapters/zoho';
import { ZOHO_TABLE } from '../../../lib/adapters/zoho/field-table';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { findAdapter } from '../../../lib/adapters/registry';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture, loadFixture } from './fixtures';

const field = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key);
const FILES = ['deal', 'lead-ru', 'contact-de'].map((n) => `zoho/2026-12-02-${n}.html`);
const strictRead = (file: string) => {
  const { doc, u } = fixture(file);
  return withStrictLookups(() => ZOHO_ADAPTER.read(doc, u));
};

describe('Zoho CRM adapter', () => {
  it('reads a deal: the header title, stage, pipeline, amount, owner, account and contact', () => {
    const ctx = strictRead(FILES[0] ?? '');
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'zoho',
      account: 'crm.zoho.com',
      entity: 'deal',
      crmId: '5293322000003516055',
      name: 'Globex fleet renewal',
      stage: 'Proposal/Price Quote',
      pipeline: 'Standard',
      budget: '$ 48,500.00',
      responsible: 'Maya Chen',
      company: 'Globex Corporation',
      contacts: [{ name: 'Dana Whitfield', phones: [], emails: [] }],
    });
    // Other rows keyed by column name; "—" is empty; the deal name is not listed twice.
    expect(field(ctx, 'field:CLOSINGDATE')).toEqual({ key: 'field:CLOSINGDATE', label: 'Closing Date', value: '' });
    expect(field(ctx, 'field:CF_DECISION_MAKER')?.value).toBe('');
    expect(field(ctx, 'field:LEADSOURCE')?.value).toBe('Web Download');
    for (const key of ['field:POTENTIALNAME', 'field:STAGE', 'field:AMOUNT', 'field:SMOWNERID']) expect(field(ctx, key), key).toBeUndefined();
  });

  it('reads a lead in the Russian UI by column names: the header\'s first field is the name', () => {
    expect(strictRead(FILES[1] ?? '')).toMatchObject({
      account: 'crm.zoho.eu',
      entity: 'lead',
      name: 'Дана Уитфилд',
      stage: 'Contacted',
      company: 'Globex GmbH',
      responsible: 'Йонас Вебер',
      contacts: [{ name: 'Дана Уитфилд', phones: ['+49 30 1234567'], emails: ['dana.whitfield@globex.example'] }],
    });
  });

  it('reads a contact in the German UI: mobile phone, e-mail, account, no stage', () => {
    const ctx = strictRead(FILES[2] ?? '');
    expect(ctx).toMatchObject({
      entity: 'contact',
      name: 'Dana Whitfield',
      stage: null,
      company: 'Globex GmbH',
      contacts: [{ name: 'Dana Whitfield', phones: ['+49 170 1234567'], emails: ['dana.whitfield@globex.example'] }],
    });
    expect(field(ctx, 'field:TITLE')).toEqual({ key: 'field:TITLE', label: 'Titel', value: 'Einkaufsleitung' });
  });

  it('reads every declared field on some card of its fixtures', () => {
    const contexts = FILES.map(strictRead);
    for (const key of new Set(ZOHO_TABLE.fields.map((f) => f.key))) {
      const seen = contexts.some((ctx) =>
        key === 'stage' ? ctx?.stage !== null : key === 'contact' ? (ctx?.contacts.length ?? 0) > 0 : (field(ctx, key)?.value ?? '') !== '',
      );
      expect(seen, key).toBe(true);
    }
  });

  it('finds a field by its label where an org names the column otherwise', () => {
    const { doc, u } = fixture(FILES[0] ?? '');
    doc.querySelector('[data-zcqa="dtVw_lbl_STAGE"]')?.setAttribute('data-zcqa', 'dtVw_lbl_DEAL_STAGE');
    expect(ZOHO_ADAPTER.read(doc, u)?.stage).toBe('Proposal/Price Quote');
  });

  it('outlines an empty field\'s row by its column key, a declared field by its value', () => {
    const { doc } = fixture(FILES[0] ?? '');
    expect(ZOHO_ADAPTER.locateField(doc, 'field:CLOSINGDATE')?.querySelector('.cxDvInfoFormField')?.textContent?.trim()).toBe('Closing Date');
    expect(ZOHO_ADAPTER.locateField(doc, 'budget')?.classList.contains('dvValueContainer')).toBe(true);
    expect(ZOHO_ADAPTER.locateField(doc, 'field:NOPE')).toBeNull();
  });

  it('follows an in-app switch to another record: the router re-renders the detail page', () => {
    const { doc, u } = fixture(FILES[0] ?? '');
    const reader = ZOHO_ADAPTER.createReader();
    expect(reader(doc, u, undefined, null)?.name).toBe('Globex fleet renewal');
    const lead = loadFixture(FILES[1] ?? '');
    doc.body.replaceChildren(...Array.from(lead.body.childNodes, (n) => doc.importNode(n, true)));
    const next = new URL('https://crm.zoho.com/crm/org699416994/tab/Leads/5293322000003516999');
    expect(reader(doc, next, undefined, new Set([doc.body]))).toMatchObject({ entity: 'lead', crmId: '5293322000003516999', name: 'Дана Уитфилд', stage: 'Contacted' });
  });

  it('reads no card on a list view, even under a record URL', () => {
    const { doc, u } = fixture('zoho/2026-12-02-deals-list.html');
    expect(ZOHO_ADAPTER.isCard(u)).toBe(false);
    expect(ZOHO_ADAPTER.read(doc, u)).toBeNull();
    const record = new URL('https://crm.zoho.com/crm/org699416994/tab/Potentials/5293322000003516055');
    expect(ZOHO_ADAPTER.read(doc, record)).toBeNull();
    expect(() => withStrictLookups(() => ZOHO_ADAPTER.read(doc, record))).toThrow(SelectorError);
  });

  it('claims no lookalike host', () => {
    for (const url of [
      'https://crm.zoho.com.evil.example/crm/org1/tab/Potentials/5',
      'http://crm.zoho.com/crm/org1/tab/Potentials/5',
      'https://www.zoho.com/crm/',
      'https://crm.zoho.co/crm/org1/tab/Potentials/5',
    ]) expect(findAdapter(new URL(url)), url).toBeNull();
  });

  it('keeps hostile values as text and returns null, never throws, when the header is gone', () => {
    const { doc, u } = fixture(FILES[0] ?? '');
    const title = doc.querySelector('#recHeader1');
    if (title) title.textContent = `A\u0000B\uD800${'x'.repeat(1_000_000)}`;
    const ctx = ZOHO_ADAPTER.read(doc, u);
    expect(ctx?.name.startsWith('A\u0000B\uD800x')).toBe(true);
    expect(ctx?.name.length).toBe(1_000_004);
    doc.querySelector('[data-zcqa="dtVw_lbl_AMOUNT"]')?.setAttribute('data-zcqa', `dtVw_lbl_${'A'.repeat(1_000_000)}`);
    expect(() => ZOHO_ADAPTER.read(doc, u)).not.toThrow();
    doc.querySelector('#recHeader1')?.remove();
    doc.querySelector('[data-zcqa="dtVw_lbl_POTENTIALNAME"]')?.remove();
    expect(ZOHO_ADAPTER.read(doc, u)).toBeNull();
    expect(() => withStrictLookups(() => ZOHO_ADAPTER.read(doc, u))).toThrow(/zoho:name/);
  });
});
