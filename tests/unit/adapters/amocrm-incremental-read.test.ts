// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { fixture } from './fixtures';

/**
 * The content script's reader re-reads only the fields whose nodes changed. Whatever it
 * skips, its answer must equal a full read of the same page, or the panel shows stale data.
 */
describe('amoCRM incremental reader', () => {
  const setup = () => {
    const { doc, u } = fixture('amocrm/2025-11-lead-card.html');
    const reader = AMOCRM_ADAPTER.createReader();
    const first = reader(doc, u, undefined, null);
    expect(first).toEqual(AMOCRM_ADAPTER.read(doc, u));
    const valueOf = (ctx: ReturnType<typeof reader>, key: string) => ctx?.fields.find((f) => f.key === key)?.value;
    return { doc, u, reader, valueOf };
  };

  it('re-reads a field whose input changed, and matches a full read', () => {
    const { doc, u, reader, valueOf } = setup();
    const field = [...doc.querySelectorAll<HTMLElement>('.linked-form__field[data-id]')].find((f) =>
      /^\d+$/.test(f.dataset['id'] ?? '') && f.querySelector('input[name^="CFV["]:not([type="hidden"])') && !f.className.includes('u-hidden-cf'),
    )!;
    const input = field.querySelector<HTMLInputElement>('input[name^="CFV["]:not([type="hidden"])')!;
    input.value = 'Новое значение \u0000 с NUL';
    const next = reader(doc, u, undefined, new Set([input]));
    expect(valueOf(next, `cf:${field.dataset['id']}`)).toBe('Новое значение \u0000 с NUL');
    expect(next).toEqual(AMOCRM_ADAPTER.read(doc, u));
  });

  it('skips fields nothing touched: a change outside the fields block reads no field again', () => {
    const { doc, u, reader, valueOf } = setup();
    const input = doc.querySelector<HTMLInputElement>('.linked-form__field[data-id] input[name^="CFV["]:not([type="hidden"])')!;
    const key = `cf:${input.closest<HTMLElement>('.linked-form__field')!.dataset['id']}`;
    const before = valueOf(reader(doc, u, undefined, null), key);
    // The value changes with no event and no mutation reported for it (a stale field)...
    input.value = 'changed behind our back';
    const outside = doc.createElement('div');
    doc.body.append(outside);
    // ...and only a node outside the block is reported: the field's reading is reused.
    expect(valueOf(reader(doc, u, undefined, new Set([outside])), key)).toBe(before);
    // A full read (null) sees it.
    expect(valueOf(reader(doc, u, undefined, null), key)).toBe('changed behind our back');
  });

  it('re-lists the fields when one is added or removed in the block, and matches a full read', () => {
    const { doc, u, reader } = setup();
    const field = doc.querySelector<HTMLElement>('.linked-form__field[data-id]:not([data-id="budget"])')!;
    const container = field.parentElement!;
    const copy = field.cloneNode(true) as HTMLElement;
    copy.dataset['id'] = '999001';
    container.append(copy);
    const added = reader(doc, u, undefined, new Set([container]));
    expect(added?.fields.some((f) => f.key === 'cf:999001')).toBe(true);
    expect(added).toEqual(AMOCRM_ADAPTER.read(doc, u));

    copy.remove();
    const removed = reader(doc, u, undefined, new Set([container]));
    expect(removed?.fields.some((f) => f.key === 'cf:999001')).toBe(false);
    expect(removed).toEqual(AMOCRM_ADAPTER.read(doc, u));
  });

  it('drops a field hidden for the stage when its class changes', () => {
    const { doc, u, reader } = setup();
    const field = [...doc.querySelectorAll<HTMLElement>('.linked-form__field[data-id]')].find(
      (f) => /^\d+$/.test(f.dataset['id'] ?? '') && !f.className.includes('u-hidden-cf'),
    )!;
    field.classList.add('u-hidden-cf');
    const next = reader(doc, u, undefined, new Set([field]));
    expect(next?.fields.some((f) => f.key === `cf:${field.dataset['id']}`)).toBe(false);
    expect(next).toEqual(AMOCRM_ADAPTER.read(doc, u));
  });

  it('reads a new card whole after an in-app switch, whatever the change set says', () => {
    const { doc, reader } = setup();
    const other = new URL('https://acme.amocrm.ru/leads/detail/18230417?tab=2');
    expect(reader(doc, other, undefined, new Set())).toEqual(AMOCRM_ADAPTER.read(doc, other));
  });
});
