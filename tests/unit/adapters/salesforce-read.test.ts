// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SALESFORCE_ADAPTER } from '../../../lib/adapters/salesforce';
import { SALESFORCE_TABLE } from '../../../lib/adapters/salesforce/field-table';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { findAdapter } from '../../../lib/adapters/registry';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture } from './fixtures';

const field = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key);
const FILES = ['opportunity', 'lead-native-shadow-de', 'account', 'contact-ru'].map((n) => `salesforce/2026-12-02-${n}.html`);
const strictRead = (file: string) => {
  const { doc, u } = fixture(file);
  return withStrictLookups(() => SALESFORCE_ADAPTER.read(doc, u));
};

describe('Salesforce Lightning adapter', () => {
  it('reads an opportunity in the active tab only: name, the Path stage, amount, owner, account', () => {
    const ctx = strictRead(FILES[0] ?? '');
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'salesforce',
      account: 'globex.lightning.force.com',
      entity: 'deal',
      crmId: '0065g00000XyZ12AAB',
      name: 'Globex fleet renewal',
      stage: 'Proposal/Price Quote',
      budget: '$48,500.00',
      responsible: 'Maya Chen',
      company: 'Globex Corporation',
    });
    // Rows keyed by API name, labels as shown; the assistive "Current Stage:" is not the stage.
    expect(field(ctx, 'field:CloseDate')).toEqual({ key: 'field:CloseDate', label: 'Close Date', value: '' });
    expect(field(ctx, 'field:Decision_Maker__c')?.value).toBe('');
    expect(field(ctx, 'field:LeadSource')?.value).toBe('Web');
    // The hidden earlier record's $9,900.00 is never read; fields read as declared are not listed twice.
    expect(JSON.stringify(ctx)).not.toContain('9,900');
    for (const key of ['field:Amount', 'field:StageName', 'field:OwnerId', 'field:Name', 'field:AccountId']) expect(field(ctx, key), key).toBeUndefined();
  });

  it('reads a lead rendered in native shadow roots, German UI: the current step, not the one selected for a look', () => {
    const ctx = strictRead(FILES[1] ?? '');
    expect(ctx).toMatchObject({
      entity: 'lead',
      name: 'Dana Whitfield',
      stage: 'Working - Contacted',
      company: 'Globex GmbH',
      responsible: 'Jonas Weber',
      contacts: [{ name: 'Dana Whitfield', phones: ['+49 30 1234567'], emails: ['dana.whitfield@globex.example'] }],
    });
    expect(field(ctx, 'email')).toEqual({ key: 'email', label: 'E-Mail', value: 'dana.whitfield@globex.example', type: 'email' });
    expect(field(ctx, 'field:LeadSource')).toEqual({ key: 'field:LeadSource', label: 'Lead-Quelle', value: '' });
  });

  it('reads an account (the company is the card) and a contact with Russian labels by API names', () => {
    expect(strictRead(FILES[2] ?? '')).toMatchObject({ entity: 'company', name: 'Globex Corporation', company: 'Globex Corporation', stage: null, responsible: 'Maya Chen' });
    const contact = strictRead(FILES[3] ?? '');
    expect(contact).toMatchObject({
      entity: 'contact',
      name: 'Дана Уитфилд',
      company: 'Globex Corporation',
      contacts: [{ name: 'Дана Уитфилд', phones: ['+1 617 555 0142'], emails: ['dana.whitfield@globex.example'] }],
    });
    expect(field(contact, 'field:Title')).toEqual({ key: 'field:Title', label: 'Должность', value: 'Head of Procurement' });
  });

  it('reads every declared field on some card of its fixtures', () => {
    const contexts = FILES.map(strictRead);
    for (const key of new Set(SALESFORCE_TABLE.fields.map((f) => f.key))) {
      const seen = contexts.some((ctx) => (key === 'stage' ? ctx?.stage !== null : (field(ctx, key)?.value ?? '') !== ''));
      expect(seen, key).toBe(true);
    }
  });

  it('takes the stage from the StageName field when the page shows no Path', () => {
    const { doc, u } = fixture(FILES[0] ?? '');
    doc.querySelector('records-lwc-path')?.remove();
    expect(withStrictLookups(() => SALESFORCE_ADAPTER.read(doc, u))?.stage).toBe('Proposal/Price Quote');
  });

  it('outlines a field inside a shadow root by its key', () => {
    const { doc } = fixture(FILES[1] ?? '');
    expect(doc.querySelector('.test-id__field-label')).toBeNull(); // only reachable through shadow roots
    expect(SALESFORCE_ADAPTER.locateField(doc, 'field:LeadSource')?.getAttribute('data-target-selection-name')).toBe('sfdc:RecordField.Lead.LeadSource');
    expect(SALESFORCE_ADAPTER.locateField(doc, 'email')?.getAttribute('data-target-selection-name')).toBe('sfdc:RecordField.Lead.Email');
    expect(SALESFORCE_ADAPTER.locateField(doc, 'field:Nope')).toBeNull();
  });

  it('follows an in-app switch to another record tab', () => {
    const { doc, u } = fixture(FILES[0] ?? '');
    const reader = SALESFORCE_ADAPTER.createReader();
    expect(reader(doc, u, undefined, null)?.name).toBe('Globex fleet renewal');
    // Lightning shows the earlier tab again: the classes move, the URL follows by pushState.
    const hosts = doc.querySelectorAll('.lafPageHost');
    hosts[1]?.classList.remove('active');
    hosts[0]?.classList.add('active');
    const next = new URL('https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ34AAB/view');
    expect(reader(doc, next, undefined, null)).toMatchObject({ crmId: '0065g00000XyZ34AAB', name: 'Initech pilot', budget: '$9,900.00', stage: null });
  });

  it('reads no card on a list view, even under a record URL', () => {
    const { doc, u } = fixture('salesforce/2026-12-02-opportunity-list.html');
    expect(SALESFORCE_ADAPTER.isCard(u)).toBe(false);
    expect(SALESFORCE_ADAPTER.read(doc, u)).toBeNull();
    const record = new URL('https://globex.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view');
    expect(SALESFORCE_ADAPTER.read(doc, record)).toBeNull();
    expect(() => withStrictLookups(() => SALESFORCE_ADAPTER.read(doc, record))).toThrow(SelectorError);
  });

  it('claims no lookalike or plain-http host', () => {
    for (const url of [
      'https://globex.lightning.force.com.evil.example/lightning/r/Opportunity/0065g00000XyZ12AAB/view',
      'http://globex.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view',
      'https://lightning.force.com/lightning/r/Opportunity/0065g00000XyZ12AAB/view',
      'https://globex.my.salesforce.com.evil.example/',
    ]) expect(findAdapter(new URL(url)), url).toBeNull();
  });

  it('keeps hostile values as text and never throws on malformed pages', () => {
    const { doc, u } = fixture(FILES[1] ?? '');
    const title = doc.querySelector('records-lwc-highlights-panel')?.shadowRoot?.querySelector('records-highlights2 lightning-formatted-text');
    if (title?.shadowRoot) title.shadowRoot.textContent = `A\u0000B\uD800${'x'.repeat(1_000_000)}`;
    const ctx = SALESFORCE_ADAPTER.read(doc, u);
    expect(ctx?.name.startsWith('A\u0000B\uD800x')).toBe(true);
    expect(ctx?.name.length).toBe(1_000_004);

    // A megabyte attribute, a field nested thousands deep, an empty highlights panel.
    const hostile = fixture(FILES[0] ?? '');
    const row = hostile.doc.querySelector('[data-target-selection-name="sfdc:RecordField.Opportunity.LeadSource"]');
    row?.setAttribute('data-target-selection-name', `sfdc:RecordField.Opportunity.${'A'.repeat(1_000_000)}`);
    let deep: Element | null | undefined = hostile.doc.querySelector('.active.lafPageHost');
    for (let i = 0; i < 3000 && deep; i++) deep = deep.appendChild(hostile.doc.createElement('div'));
    expect(() => SALESFORCE_ADAPTER.read(hostile.doc, hostile.u)).not.toThrow();
    expect(field(SALESFORCE_ADAPTER.read(hostile.doc, hostile.u), 'field:LeadSource')).toBeUndefined();
    for (const el of hostile.doc.querySelectorAll('[slot="primaryField"], [data-target-selection-name$=".Name"]')) el.remove();
    expect(SALESFORCE_ADAPTER.read(hostile.doc, hostile.u)).toBeNull();
  });
});
