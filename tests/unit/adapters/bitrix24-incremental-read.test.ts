// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BITRIX24_ADAPTER } from '../../../lib/adapters/bitrix24';
import { fixture } from './fixtures';

/**
 * The content script's reader re-reads only the editor fields whose nodes changed. Whatever it
 * skips, its answer must equal a full read of the same page, or the panel shows stale data.
 */
describe('Bitrix24 incremental reader', () => {
  const setup = () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    const reader = BITRIX24_ADAPTER.createReader();
    expect(reader(doc, u, undefined, null)).toEqual(BITRIX24_ADAPTER.read(doc, u));
    const valueOf = (ctx: ReturnType<typeof reader>, key: string) => ctx?.fields.find((f) => f.key === key)?.value;
    const text = (cid: string) => doc.querySelector(`[data-cid="${cid}"] .ui-entity-editor-content-block-text`)!;
    return { doc, u, reader, valueOf, text };
  };

  it('re-reads a user field whose text changed, and matches a full read', () => {
    const { doc, u, reader, valueOf, text } = setup();
    const node = text('UF_CRM_1700000101');
    node.textContent = '5001234567 \u0000';
    const next = reader(doc, u, undefined, new Set([node.firstChild!]));
    expect(valueOf(next, 'uf:UF_CRM_1700000101')).toBe('5001234567 \u0000');
    expect(next).toEqual(BITRIX24_ADAPTER.read(doc, u));
  });

  it('skips fields nothing touched, but always re-reads the title, stage and amount', () => {
    const { doc, u, reader, valueOf, text } = setup();
    text('UF_CRM_1700000101').textContent = 'changed behind our back';
    doc.querySelector('.crm-entity-widget-content-block-wallet')!.textContent = '2 000 000';
    const outside = doc.createElement('div');
    doc.body.append(outside);
    const next = reader(doc, u, undefined, new Set([outside]));
    expect(valueOf(next, 'uf:UF_CRM_1700000101')).toBe('7707083893'); // reused
    expect(next?.budget).toBe('2 000 000 руб.'); // table fields are few: read every time
    expect(valueOf(reader(doc, u, undefined, null), 'uf:UF_CRM_1700000101')).toBe('changed behind our back');
  });

  it('re-lists the fields when one is added or removed, and matches a full read', () => {
    const { doc, u, reader } = setup();
    const field = doc.querySelector<HTMLElement>('[data-cid="UF_CRM_1700000101"]')!;
    const copy = field.cloneNode(true) as HTMLElement;
    copy.setAttribute('data-cid', 'UF_CRM_NEW');
    field.parentElement!.append(copy);
    const added = reader(doc, u, undefined, new Set([field.parentElement!]));
    expect(added?.fields.some((f) => f.key === 'uf:UF_CRM_NEW')).toBe(true);
    expect(added).toEqual(BITRIX24_ADAPTER.read(doc, u));
    copy.remove();
    const removed = reader(doc, u, undefined, new Set([field.parentElement!]));
    expect(removed?.fields.some((f) => f.key === 'uf:UF_CRM_NEW')).toBe(false);
    expect(removed).toEqual(BITRIX24_ADAPTER.read(doc, u));
  });

  it('reads another card whole after an in-app switch', () => {
    const { reader } = setup();
    const other = fixture('bitrix24/2026-12-01-deal-card-slider.html');
    expect(reader(other.doc, other.u, undefined, new Set([other.doc.body]))).toEqual(BITRIX24_ADAPTER.read(other.doc, other.u));
  });
});

describe('Bitrix24 incremental reader, table fields', () => {
  it('an edit inside a table field (the amount) re-reads it without re-listing the other fields', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    const reader = BITRIX24_ADAPTER.createReader();
    reader(doc, u, undefined, null);
    // A field added with no mutation reported for it: only a re-list would find it.
    const field = doc.querySelector<HTMLElement>('[data-cid="UF_CRM_1700000101"]')!;
    const copy = field.cloneNode(true) as HTMLElement;
    copy.setAttribute('data-cid', 'UF_CRM_SILENT');
    field.parentElement!.append(copy);
    const sum = doc.querySelector('.crm-entity-widget-content-block-wallet')!;
    sum.textContent = '990 000';
    const next = reader(doc, u, undefined, new Set([sum.firstChild!]));
    expect(next?.budget).toBe('990 000 руб.');
    expect(next?.fields.some((f) => f.key === 'uf:UF_CRM_SILENT')).toBe(false); // not re-listed
    expect(reader(doc, u, undefined, null)?.fields.some((f) => f.key === 'uf:UF_CRM_SILENT')).toBe(true);
  });

  it('finds a table field that appears later (the client block added by the CRM)', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-en.html');
    const client = doc.querySelector<HTMLElement>('[data-cid="CLIENT"]')!;
    const parent = client.parentElement!;
    client.remove();
    const reader = BITRIX24_ADAPTER.createReader();
    expect(reader(doc, u, undefined, null)?.company).toBeNull();
    parent.append(client);
    const next = reader(doc, u, undefined, new Set([parent]));
    expect(next?.company).toBe('Globex Logistics Ltd');
    expect(next).toEqual(BITRIX24_ADAPTER.read(doc, u));
  });
});
