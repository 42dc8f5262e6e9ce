// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HUBSPOT_ADAPTER } from '../../../lib/adapters/hubspot';
import { HUBSPOT_TABLE } from '../../../lib/adapters/hubspot/field-table';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture } from './fixtures';

const field = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key);
const strictRead = (file: string) => {
  const { doc, u } = fixture(file);
  return withStrictLookups(() => HUBSPOT_ADAPTER.read(doc, u));
};

describe('HubSpot adapter', () => {
  it('reads a deal record: name, stage, pipeline, amount, owner, associated contact and company', () => {
    const ctx = strictRead('hubspot/2026-12-02-deal-record.html');
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'hubspot',
      account: 'app.hubspot.com',
      entity: 'deal',
      crmId: '9182736450',
      name: 'Globex fleet renewal',
      stage: 'Contract sent',
      pipeline: 'Sales Pipeline',
      budget: '$48,500.00',
      responsible: 'Maya Chen',
      company: 'Globex Corporation',
      contacts: [{ name: 'Dana Whitfield', phones: [], emails: [] }],
    });
    // Labels as the page shows them; "--" is HubSpot's empty placeholder.
    expect(field(ctx, 'budget')).toEqual({ key: 'budget', label: 'Amount', value: '$48,500.00', type: 'money' });
    expect(field(ctx, 'field:closedate')).toEqual({ key: 'field:closedate', label: 'Close date', value: '' });
    expect(field(ctx, 'field:decision_maker')?.value).toBe('');
    // The owner's caret and the stage are not listed again as properties.
    expect(ctx?.fields.some((f) => f.key === 'field:hubspot_owner_id' || f.key === 'field:dealstage')).toBe(false);
  });

  it('reads a contact record: its own phone and e-mail, lifecycle stage, company', () => {
    const ctx = strictRead('hubspot/2026-12-02-contact-record.html');
    expect(ctx).toMatchObject({
      entity: 'contact',
      crmId: '751',
      name: 'Dana Whitfield',
      stage: 'Sales qualified lead',
      responsible: 'Maya Chen',
      company: 'Globex Corporation',
      contacts: [{ name: 'Dana Whitfield', phones: ['+1 617 555 0142'], emails: ['dana.whitfield@globex.example'] }],
    });
  });

  it('reads a company record on an EU portal: the company is the card', () => {
    const ctx = strictRead('hubspot/2026-12-02-company-record.html');
    expect(ctx).toMatchObject({ account: 'app-eu1.hubspot.com', entity: 'company', name: 'Globex Corporation', company: 'Globex Corporation', stage: 'Customer' });
    expect(field(ctx, 'field:industry')).toEqual({ key: 'field:industry', label: 'Industry', value: '' });
  });

  it('reads every declared field on some card of its fixtures', () => {
    const files = ['deal-record', 'contact-record', 'company-record'].map((n) => `hubspot/2026-12-02-${n}.html`);
    const contexts = files.map(strictRead);
    for (const spec of HUBSPOT_TABLE.fields) {
      const seen = contexts.some((ctx) => {
        if (spec.key === 'stage') return ctx?.stage !== null;
        if (spec.key === 'contact') return (ctx?.contacts.length ?? 0) > 0;
        return (field(ctx, spec.key)?.value ?? '') !== '';
      });
      expect(seen, spec.key).toBe(true);
    }
  });

  it('outlines a declared field and a property row by key', () => {
    const { doc } = fixture('hubspot/2026-12-02-deal-record.html');
    expect(HUBSPOT_ADAPTER.locateField(doc, 'budget')?.getAttribute('data-selenium-test')).toBe('property-input-amount');
    expect(HUBSPOT_ADAPTER.locateField(doc, 'field:closedate')?.getAttribute('data-selenium-test')).toBe('property-input-closedate');
    expect(HUBSPOT_ADAPTER.locateField(doc, 'field:nope')).toBeNull();
  });

  it('names the missing anchor when a redesign drops the record title, and returns null outside strict mode', () => {
    const { doc, u } = fixture('hubspot/2026-12-02-deal-record.html');
    doc.querySelector('[data-selenium-test="highlightTitle"]')?.remove();
    expect(() => withStrictLookups(() => HUBSPOT_ADAPTER.read(doc, u))).toThrow(SelectorError);
    expect(() => withStrictLookups(() => HUBSPOT_ADAPTER.read(doc, u))).toThrow(/hubspot:name/);
    expect(HUBSPOT_ADAPTER.read(doc, u)).toBeNull();
  });

  it('keeps hostile values as text: NUL, lone surrogates, a megabyte name', () => {
    const { doc, u } = fixture('hubspot/2026-12-02-deal-record.html');
    const title = doc.querySelector('[data-selenium-test="highlightTitle"]');
    if (title) title.textContent = `A\u0000B\uD800${'x'.repeat(1_000_000)}`;
    const ctx = HUBSPOT_ADAPTER.read(doc, u);
    expect(ctx?.name.startsWith('A\u0000B\uD800x')).toBe(true);
    expect(ctx?.name.length).toBe(1_000_004);
  });
});
