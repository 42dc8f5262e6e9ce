// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { snapshotAmoPageData } from '../../../lib/adapters/amocrm/snapshot-page-data';
import type { ClientContext } from '../../../lib/context/client-context';
import { ClientContextSchema } from '../../../lib/context/client-context';
import { fakeAmoWindow } from './fake-amo-app';
import { fixture } from './fixtures';

const valueOf = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key)?.value;
const labelOf = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key)?.label;

describe('amoCRM adapter, DOM path', () => {
  it('reads the full Russian lead card', () => {
    const { doc, u } = fixture('amocrm/2025-11-lead-card.html');
    const ctx = AMOCRM_ADAPTER.read(doc, u);
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'amocrm',
      account: 'acme.amocrm.ru',
      entity: 'lead',
      crmId: '18230417',
      name: 'Поставка серверов — ООО «Вектор»',
      pipeline: 'Продажи B2B',
      stage: 'Переговоры',
      stageId: '40014',
      budget: '1250000',
      responsible: 'Ирина Соколова',
      company: 'ООО «Вектор»',
      origin: 'dom',
    });
    expect(ctx?.contacts).toEqual([
      { name: 'Андрей Петров', phones: ['+7 912 345-67-89'], emails: ['petrov@vector.example'] },
      { name: 'Ольга Смирнова', phones: ['+7 903 111-22-33'], emails: ['smirnova@vector.example'] },
    ]);
    // Each custom-field type, as the user sees it.
    expect(valueOf(ctx, 'cf:512301')).toBe('Ключевой'); // select: option text, not enum id
    expect(labelOf(ctx, 'cf:512301')).toBe('Сегмент клиента');
    expect(valueOf(ctx, 'cf:512303')).toBe('7707083893'); // numeric, in a hidden group tab
    expect(valueOf(ctx, 'cf:512304')).toBe('Замена парка серверов в двух филиалах до конца квартала'); // textarea
    expect(valueOf(ctx, 'cf:512305')).toBe('Поставка, Монтаж'); // multiselect
    expect(valueOf(ctx, 'cf:512306')).toBe('28.11.2025'); // date
    expect(valueOf(ctx, 'cf:512308')).toBe('https://vector.example'); // url
    expect(valueOf(ctx, 'cf:512309')).toBe('1'); // checkbox ticked
    expect(valueOf(ctx, 'contact:1:phone')).toBe('+7 903 111-22-33');
    expect(valueOf(ctx, 'company')).toBe('ООО «Вектор»');
    // Hidden for this stage (u-hidden-cf): not required now, so not a field.
    expect(ctx?.fields.some((f) => f.key === 'cf:512310')).toBe(false);
  });

  it('reads empty values as empty: blank budget, spaces, unchosen select, no contacts', () => {
    const { doc, u } = fixture('amocrm/2025-11-lead-card-empty.html');
    const ctx = AMOCRM_ADAPTER.read(doc, u);
    expect(ctx).toMatchObject({
      crmId: '18230422',
      name: 'Сеть кофеен «Зерно» — обслуживание',
      stage: 'Квалификация',
      stageId: '40011',
      budget: '',
      responsible: 'Дмитрий Орлов', // no-rights variant: the name as text
      company: null,
      contacts: [],
    });
    expect(valueOf(ctx, 'budget')).toBe('');
    expect(valueOf(ctx, 'cf:512307')).toBe(''); // only spaces
    expect(valueOf(ctx, 'cf:512301')).toBe(''); // select shows "Выбрать", but nothing is chosen
    expect(valueOf(ctx, 'cf:512302')).toBe('Сайт');
    expect(valueOf(ctx, 'cf:512309')).toBe(''); // unticked checkbox
    expect(ctx?.fields.some((f) => f.key.startsWith('contact:'))).toBe(false);
  });

  it('keeps an unusual stage name as the user sees it, whitespace normalised', () => {
    const { doc, u } = fixture('amocrm/2025-11-lead-card-unusual-stage.html');
    const ctx = AMOCRM_ADAPTER.read(doc, u);
    expect(ctx).toMatchObject({
      pipeline: 'Тендеры 2026',
      stage: 'Ждём решения ЛПР 🔥 (после аукциона)',
      stageId: '51007',
      budget: '12 400 000',
      responsible: 'Мария Клименко',
    });
    expect(ctx?.contacts).toEqual([{ name: 'Контрактный управляющий', phones: ['+7 495 700-00-01', '+7 916 000-00-02'], emails: [] }]);
  });

  it.each([
    ['en', '<span class="pipeline-select-view__status-from">(6 days)</span>', 'Initial contact'],
    ['en, no marker element', ' (6 days)', 'Initial contact'],
    ['ru', ' (3 дня)', 'Initial contact'],
    ['es', '<span class="pipeline-select-view__status-from">(2 días)</span>', 'Initial contact'],
    ['tr', ' (4 gün)', 'Initial contact'],
    ['a bracket that is part of the name', ' (round 2)', 'Initial contact (round 2)'],
  ])('reads the stage name without the time in stage (%s)', (_case, suffix, expected) => {
    const { doc, u } = fixture('amocrm/2025-11-kommo-lead-card-en.html');
    doc.querySelector('.pipeline-select-view__status')!.innerHTML = `Initial contact${suffix}`;
    expect(AMOCRM_ADAPTER.read(doc, u)?.stage).toBe(expected);
  });

  it('reads the English Kommo card of a won deal (system status 142)', () => {
    const { doc, u } = fixture('amocrm/2025-11-kommo-lead-card-en.html');
    const ctx = AMOCRM_ADAPTER.read(doc, u);
    expect(ctx).toMatchObject({
      account: 'globex.kommo.com',
      crmId: '5522019',
      name: 'Globex — annual support renewal',
      pipeline: 'Sales pipeline',
      stage: 'Closed - won',
      stageId: '142',
      budget: '24000',
      responsible: 'Alex Morgan',
      company: 'Globex Corporation',
    });
    expect(labelOf(ctx, 'budget')).toBe('Sale');
    expect(labelOf(ctx, 'name')).toBe('Name');
    expect(valueOf(ctx, 'cf:512301')).toBe('Key account');
    expect(ctx?.fields.some((f) => f.key === 'cf:512310')).toBe(false); // loss reason hidden when won
  });

  it('returns null on the pipeline list page', () => {
    const { doc, u } = fixture('amocrm/2025-11-leads-pipeline.html');
    expect(AMOCRM_ADAPTER.read(doc, u)).toBeNull();
    // Even with the card's markup around, a list URL is not a card.
    const card = fixture('amocrm/2025-11-lead-card.html');
    expect(AMOCRM_ADAPTER.read(card.doc, u)).toBeNull();
  });

  it('returns null while the previous card is still rendered under a new card URL', () => {
    const { doc } = fixture('amocrm/2025-11-lead-card.html');
    expect(AMOCRM_ADAPTER.read(doc, new URL('https://acme.amocrm.ru/leads/detail/18230422'))).toBeNull();
  });

  it('returns null, without throwing, on broken markup', () => {
    const u = new URL('https://acme.amocrm.ru/leads/detail/18230417');
    const broken = [
      '<div id="card_fields"><div class="card-fields__fields-block">',
      '<div id="card_fields"></div>',
      '<<<>>> <form id="edit_card"><input name="lead[NAME]"',
      '',
    ];
    for (const html of broken) {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(AMOCRM_ADAPTER.read(doc, u)).toBeNull();
      // Why it is null: a named missing anchor, not a reader crash hidden by the catch-all.
      expect(() => withStrictLookups(() => AMOCRM_ADAPTER.read(doc, u)), html).toThrow(SelectorError);
    }
    // A document whose methods throw (detached, hostile) is still only a null.
    const hostile = { querySelector: () => { throw new Error('boom'); } } as unknown as Document;
    expect(AMOCRM_ADAPTER.read(hostile, u)).toBeNull();
  });
});

describe('amoCRM adapter, page-data path', () => {
  const file = 'amocrm/2025-11-lead-card.html';

  it('agrees with the DOM path on the same card', () => {
    const { doc, u } = fixture(file);
    const fromDom = AMOCRM_ADAPTER.read(doc, u);
    const fromData = AMOCRM_ADAPTER.read(doc, u, snapshotAmoPageData(fakeAmoWindow('18230417')));
    expect(fromData?.origin).toBe('page-data');
    expect({ ...fromData, origin: 'x' }).toEqual({ ...fromDom, origin: 'x' });
  });

  it('reads the page data alone when the card markup is not rendered yet', () => {
    const u = new URL('https://acme.amocrm.ru/leads/detail/18230417');
    const empty = new DOMParser().parseFromString('<body></body>', 'text/html');
    const ctx = AMOCRM_ADAPTER.read(empty, u, snapshotAmoPageData(fakeAmoWindow('18230417')));
    expect(ctx).toMatchObject({
      origin: 'page-data',
      name: 'Поставка серверов — ООО «Вектор»',
      stage: 'Переговоры',
      stageId: '40014',
      pipeline: 'Продажи B2B',
      responsible: 'Ирина Соколова',
      company: 'ООО «Вектор»',
    });
    expect(valueOf(ctx, 'cf:512305')).toBe('Поставка, Монтаж');
    expect(ctx?.contacts[0]).toEqual({ name: 'Андрей Петров', phones: ['+7 912 345-67-89'], emails: ['petrov@vector.example'] });
  });

  it('ignores a snapshot about another card and falls back to the DOM', () => {
    const { doc, u } = fixture(file);
    const stale = snapshotAmoPageData(fakeAmoWindow('18230417', { cardId: 18230422 }));
    expect(stale?.cardId).toBe('18230422');
    expect(AMOCRM_ADAPTER.read(doc, u, stale)?.origin).toBe('dom');
  });

  it('ignores page data of the wrong shape', () => {
    const { doc, u } = fixture(file);
    for (const bad of [{ v: 2 }, 'x', null, { v: 1, cardId: 'abc' }]) {
      expect(AMOCRM_ADAPTER.read(doc, u, bad)?.origin).toBe('dom');
    }
  });

  it('takes contacts from the DOM when the page data has none', () => {
    const { doc, u } = fixture(file);
    const ctx = AMOCRM_ADAPTER.read(doc, u, snapshotAmoPageData(fakeAmoWindow('18230417', { withLinked: false })));
    expect(ctx?.origin).toBe('page-data');
    expect(ctx?.contacts.map((c) => c.name)).toEqual(['Андрей Петров', 'Ольга Смирнова']);
    expect(valueOf(ctx, 'contact:0:email')).toBe('petrov@vector.example');
    expect(ctx?.company).toBe('ООО «Вектор»');
  });
});

describe('amoCRM locateField', () => {
  const { doc } = fixture('amocrm/2025-11-lead-card.html');

  it('finds the .linked-form__field of each key', () => {
    for (const key of ['budget', 'responsible', 'cf:512301', 'cf:512303', 'contact:1:phone', 'contact:0:email', 'company']) {
      const el = AMOCRM_ADAPTER.locateField(doc, key);
      expect(el?.classList.contains('linked-form__field'), key).toBe(true);
    }
    expect(AMOCRM_ADAPTER.locateField(doc, 'cf:512301')?.getAttribute('data-id')).toBe('512301');
    expect(AMOCRM_ADAPTER.locateField(doc, 'contact:1:phone')?.querySelector('input')?.value).toBe('+7 903 111-22-33');
    expect(AMOCRM_ADAPTER.locateField(doc, 'name')?.querySelector('#person_n')).not.toBeNull();
  });

  it('returns null for keys not on the page', () => {
    for (const key of ['cf:999', 'contact:5:phone', 'label:x', '']) expect(AMOCRM_ADAPTER.locateField(doc, key)).toBeNull();
  });

  it('locates every field the reader reports', () => {
    const ctx = AMOCRM_ADAPTER.read(doc, new URL('https://acme.amocrm.ru/leads/detail/18230417'));
    for (const f of ctx?.fields ?? []) expect(AMOCRM_ADAPTER.locateField(doc, f.key), f.key).not.toBeNull();
  });
});
