// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PIPEDRIVE_ADAPTER } from '../../../lib/adapters/pipedrive';
import { PIPEDRIVE_TABLE } from '../../../lib/adapters/pipedrive/field-table';
import { withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture } from './fixtures';

const field = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key);
const read = (name: string) => {
  const { doc, u } = fixture(`pipedrive/2026-12-02-${name}.html`);
  return withStrictLookups(() => PIPEDRIVE_ADAPTER.read(doc, u));
};

describe('Pipedrive adapter', () => {
  it('reads a deal: the title from its textarea, the selected stage, value, owner, person and organisation', () => {
    const ctx = read('deal');
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'pipedrive',
      account: 'globex.pipedrive.com',
      entity: 'deal',
      crmId: '1842',
      name: 'Globex fleet renewal',
      stage: 'Proposal made',
      budget: '€12,400',
      responsible: 'Jonas Weber',
      company: 'Globex GmbH',
      contacts: [{ name: 'Dana Whitfield', phones: ['+49 30 1234567'], emails: ['dana.whitfield@globex.example'] }],
    });
    // Rows go by label; "+ Add" and "—" are empty.
    expect(field(ctx, 'label:expected close date')).toEqual({ key: 'label:expected close date', label: 'Expected close date', value: '' });
    expect(field(ctx, 'label:decision maker')?.value).toBe('');
    expect(field(ctx, 'label:source channel')?.value).toBe('Web form');
    // A row a declared field read is not listed again under its label.
    expect(field(ctx, 'label:value')).toBeUndefined();
  });

  it('reads a person: the card is the contact; the organisation from its row', () => {
    expect(read('person')).toMatchObject({
      entity: 'contact',
      name: 'Dana Whitfield',
      stage: null,
      company: 'Globex GmbH',
      responsible: 'Jonas Weber',
      contacts: [{ name: 'Dana Whitfield', phones: ['+49 30 1234567'], emails: ['dana.whitfield@globex.example'] }],
    });
  });

  it('reads an organisation: the company is the card', () => {
    const ctx = read('organization');
    expect(ctx).toMatchObject({ entity: 'company', name: 'Globex GmbH', company: 'Globex GmbH', contacts: [] });
    expect(field(ctx, 'label:address')?.value).toBe('Friedrichstraße 1, Berlin');
  });

  it('reads every declared field on some card of its fixtures', () => {
    const contexts = ['deal', 'person', 'organization'].map(read);
    for (const spec of PIPEDRIVE_TABLE.fields) {
      const seen = contexts.some((ctx) =>
        spec.key === 'stage' ? ctx?.stage !== null : spec.key === 'contact' ? (ctx?.contacts.length ?? 0) > 0 : (field(ctx, spec.key)?.value ?? '') !== '',
      );
      expect(seen, spec.key).toBe(true);
    }
  });

  it('outlines the row of an empty field by its label key', () => {
    const { doc } = fixture('pipedrive/2026-12-02-deal.html');
    expect(PIPEDRIVE_ADAPTER.locateField(doc, 'label:decision maker')?.textContent).toContain('Decision maker');
    expect(PIPEDRIVE_ADAPTER.locateField(doc, 'phone')?.textContent).toContain('+49 30 1234567');
  });

  it('follows the stage when the manager picks another one', () => {
    const { doc, u } = fixture('pipedrive/2026-12-02-deal.html');
    const reader = PIPEDRIVE_ADAPTER.createReader();
    expect(reader(doc, u, undefined, null)?.stage).toBe('Proposal made');
    const buttons = doc.querySelectorAll('button.cui5-stage-selector__stage');
    buttons[2]?.setAttribute('aria-selected', 'false');
    buttons[3]?.setAttribute('aria-selected', 'true');
    expect(reader(doc, u, undefined, new Set([buttons[3] as Node]))?.stage).toBe('Negotiations started');
  });
});
