// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BITRIX24_ADAPTER } from '../../../lib/adapters/bitrix24';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { bxCardAnchors, bxStageAnchors } from '../../../lib/adapters/bitrix24/selectors';
import { fieldsOf } from '../../../lib/adapters/bitrix24/field-table';
import { openSliderCard } from '../../../lib/adapters/bitrix24/url';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture, FIXTURE_PAGES } from './fixtures';

const valueOf = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key)?.value;
const labelOf = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key)?.label;
const strictRead = (file: string) => {
  const { doc, u } = fixture(file);
  return withStrictLookups(() => BITRIX24_ADAPTER.read(doc, u));
};

describe('Bitrix24 adapter, DOM path', () => {
  it('reads the Russian deal card: title, stage from the bar, amount, responsible, client, user fields', () => {
    const ctx = strictRead('bitrix24/2026-12-01-deal-card-ru.html');
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      source: 'bitrix24',
      account: 'vector.bitrix24.ru',
      entity: 'deal',
      crmId: '4021',
      name: 'Поставка серверов — ООО «Вектор»',
      stage: 'Переговоры',
      stageId: 'EXECUTING',
      budget: '1 250 000 руб.',
      responsible: 'Ирина Соколова',
      company: 'ООО «Вектор»',
      origin: 'dom',
    });
    expect(ctx?.contacts).toEqual([
      { name: 'Андрей Петров', phones: ['+7 912 345-67-89'], emails: ['petrov@vector.example'] },
      { name: 'Ольга Смирнова', phones: ['+7 903 111-22-33'], emails: [] },
    ]);
    expect(labelOf(ctx, 'budget')).toBe('Сумма и валюта'); // as shown on the card
    expect(valueOf(ctx, 'uf:UF_CRM_1700000101')).toBe('7707083893');
    expect(labelOf(ctx, 'uf:UF_CRM_1700000101')).toBe('ИНН клиента');
    expect(valueOf(ctx, 'uf:UF_CRM_1700000102')).toBe('Ключевой'); // a list field: the option's text
    expect(valueOf(ctx, 'uf:UF_CRM_1700000103')).toBe(''); // "Не заполнено" is a placeholder, not a value
    expect(valueOf(ctx, 'field:SOURCE_ID')).toBe('Звонок');
    expect(valueOf(ctx, 'field:COMMENTS')).toBe('Замена парка серверов в двух филиалах до конца квартала');
    expect(valueOf(ctx, 'company')).toBe('ООО «Вектор»');
    expect(valueOf(ctx, 'contact:1:phone')).toBe('+7 903 111-22-33');
    expect(valueOf(ctx, 'contact:1:email')).toBe('');
    // Table fields are not listed twice as generic ones; sections are not fields.
    expect(ctx?.fields.some((f) => ['field:TITLE', 'field:STAGE_ID', 'field:CLIENT', 'field:main'].includes(f.key))).toBe(false);
  });

  it('reads the English deal card of a second pipeline: stage from the painted bar, the older amount field', () => {
    const ctx = strictRead('bitrix24/2026-12-01-deal-card-en.html');
    expect(ctx).toMatchObject({
      account: 'globex.bitrix24.com',
      crmId: '88',
      name: 'Fleet telematics rollout',
      stage: 'Proposal sent',
      stageId: 'C3:PREPARATION',
      budget: '$48,500.00',
      responsible: 'Tom Becker',
      company: 'Globex Logistics Ltd',
      contacts: [{ name: 'Dana Whitfield', phones: [], emails: ['dana.whitfield@globex.example'] }],
    });
    expect(labelOf(ctx, 'budget')).toBe('Amount');
    expect(labelOf(ctx, 'company')).toBe('Company');
    expect(valueOf(ctx, 'uf:UF_CRM_DECISION_MAKER')).toBe(''); // "Field is empty"
    expect(valueOf(ctx, 'uf:UF_CRM_FLEET_SIZE')).toBe('240');
    expect(valueOf(ctx, 'field:CLOSEDATE')).toBe('12/19/2026');
  });

  it('reads a self-hosted lead card: the person is its contact, company title, empty amount', () => {
    const ctx = strictRead('bitrix24/2026-12-01-lead-card.html');
    expect(ctx).toMatchObject({
      account: 'crm.vector-group.ru',
      entity: 'lead',
      crmId: '310',
      name: 'Заявка с сайта: аудит сети',
      stage: 'В работе',
      stageId: 'IN_PROCESS',
      budget: '',
      responsible: 'Дмитрий Орлов',
      company: 'АО «Северный порт»',
      contacts: [
        { name: 'Светлана Кузнецова', phones: ['+7 812 123-45-67', '+7 921 765-43-21'], emails: ['s.kuznetsova@sevport.example'] },
      ],
    });
    expect(valueOf(ctx, 'phone')).toBe('+7 812 123-45-67');
    expect(valueOf(ctx, 'email')).toBe('s.kuznetsova@sevport.example');
    expect(valueOf(ctx, 'budget')).toBe('');
    expect(valueOf(ctx, 'uf:UF_CRM_1690000001')).toBe('120');
    expect(valueOf(ctx, 'contact:0:name')).toBe('Светлана Кузнецова');
    expect(ctx?.fields.some((f) => f.key === 'field:NAME' || f.key === 'field:COMPANY_TITLE')).toBe(false);
  });

  it('reads a contact card: no stage, its own phone and e-mail, its company', () => {
    const ctx = strictRead('bitrix24/2026-12-01-contact-card.html');
    expect(ctx).toMatchObject({
      entity: 'contact',
      crmId: '301',
      name: 'Андрей Петров',
      stage: null,
      stageId: null,
      budget: '',
      responsible: 'Ирина Соколова',
      company: 'ООО «Вектор»',
      contacts: [{ name: 'Андрей Петров', phones: ['+375 29 123-45-67'], emails: ['petrov@vector.example'] }],
    });
    expect(valueOf(ctx, 'field:POST')).toBe('Технический директор');
    expect(ctx?.fields.some((f) => f.key === 'budget')).toBe(false);
  });

  it('reads a Ukrainian company card: its contacts from the client block', () => {
    const ctx = strictRead('bitrix24/2026-12-01-company-card-ua.html');
    expect(ctx).toMatchObject({
      entity: 'company',
      crmId: '77',
      name: 'ТОВ «Дніпро Агро»',
      company: 'ТОВ «Дніпро Агро»',
      responsible: 'Максим Ткаченко',
      contacts: [{ name: 'Олена Бондаренко', phones: ['+380 67 111 2233'], emails: ['o.bondarenko@dnipro-agro.example'] }],
    });
    expect(valueOf(ctx, 'phone')).toBe('+380 44 123 4567');
    expect(labelOf(ctx, 'contact:0:name')).toBe('Контакт');
    expect(valueOf(ctx, 'uf:UF_CRM_EDRPOU')).toBe('41234567');
  });

  it('reads the card inside the slider iframe, with the stage-flow bar', () => {
    const ctx = strictRead('bitrix24/2026-12-01-deal-card-slider.html');
    expect(ctx).toMatchObject({
      crmId: '4022',
      name: 'Сервисный контракт на 2027 год',
      stage: 'Подготовка КП',
      stageId: 'C3:PREPARATION',
      budget: '360 000 руб.',
      company: null,
      contacts: [{ name: 'Игорь Лебедев', phones: ['+7 916 123-45-67'], emails: [] }],
    });
    expect(valueOf(ctx, 'uf:UF_CRM_1700000101')).toBe('');
  });

  it('reads no card on the list, and finds the card open in the slider over it', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-list.html');
    expect(BITRIX24_ADAPTER.read(doc, u)).toBeNull();
    // The top window's URL may already say /crm/deal/details/…: the card is still not in this document.
    expect(BITRIX24_ADAPTER.read(doc, new URL('https://vector.bitrix24.ru/crm/deal/details/4022/'))).toBeNull();
    expect(openSliderCard(doc, u)).toMatchObject({ kind: 'card', entity: 'deal', id: '4022', slider: true });
    // A slider from another origin is not ours to read.
    doc.querySelector('iframe')?.setAttribute('src', 'https://evil.example/crm/deal/details/1/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER');
    expect(openSliderCard(doc, u)).toBeNull();
  });

  it('reads every field the table declares for each card, and locates each again for the outline', () => {
    for (const page of FIXTURE_PAGES.filter((p) => p.adapter === 'bitrix24' && p.card)) {
      const { doc, u } = fixture(page.file);
      const ctx = BITRIX24_ADAPTER.read(doc, u);
      const entity = ctx?.entity as 'deal' | 'lead' | 'contact' | 'company';
      for (const spec of fieldsOf(entity)) {
        if (spec.kind === 'stage') {
          expect(ctx?.stage, `${page.file} stage`).not.toBeNull();
          continue;
        }
        if (spec.kind === 'client-contacts') {
          expect(ctx?.contacts.length, `${page.file} contacts`).toBeGreaterThan(0);
          continue;
        }
        if (spec.kind === 'client-company') {
          // Present on the page → read; the slider deal has a contact only.
          continue;
        }
        expect(ctx?.fields.some((f) => f.key === spec.key), `${page.file} ${spec.key}`).toBe(true);
      }
      for (const field of ctx?.fields ?? []) {
        const el = BITRIX24_ADAPTER.locateField(doc, field.key);
        // Bitrix24 hides empty standard fields (the company card shows no E-mail block): an
        // empty table field may have nothing to outline. A value, or an editor field, always has.
        if (field.value === '' && !/^(?:uf|field):/.test(field.key)) continue;
        expect(el, `${page.file} locate ${field.key}`).not.toBeNull();
        // The element found is the one the value came from: its text holds the value (a
        // contact's full name is split over the first- and last-name fields: the first word).
        if (field.value !== '' && !field.key.startsWith('contact:') && field.key !== 'company') {
          const first = field.key === 'name' ? field.value.split(' ')[0] : field.value.split(', ')[0];
          expect(el?.textContent?.replace(/[\s\u00a0]+/g, ' '), `${page.file} ${field.key}`).toContain(first);
        }
      }
      expect(BITRIX24_ADAPTER.locateField(doc, 'uf:UF_CRM_NOT_ON_PAGE')).toBeNull();
      expect(BITRIX24_ADAPTER.locateField(doc, 'contact:9:phone')).toBeNull();
      expect(BITRIX24_ADAPTER.locateField(doc, 'uf:"];alert(1)//')).toBeNull();
    }
  });

  it('outlines the n-th contact of a deal on its own client box', () => {
    const { doc } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    expect(BITRIX24_ADAPTER.locateField(doc, 'contact:1:phone')?.textContent).toContain('Ольга Смирнова');
    expect(BITRIX24_ADAPTER.locateField(doc, 'company')?.getAttribute('data-cid')).toBe('CLIENT');
  });

  it('finds a field by its label when the data-cid is gone (any UI language we know)', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-en.html');
    doc.querySelector('[data-cid="ASSIGNED_BY_ID"]')?.setAttribute('data-cid', 'X_RENAMED');
    expect(BITRIX24_ADAPTER.read(doc, u)?.responsible).toBe('Tom Becker');
  });

  it.each([...Object.keys(bxCardAnchors()), ...Object.keys(bxStageAnchors())])(
    'a card whose %s anchor drifted fails strictly, naming it, and never throws outside tests',
    (anchor) => {
      const anchors: Record<string, readonly string[]> = { ...bxCardAnchors(), ...bxStageAnchors() };
      const selectors = anchors[anchor] ?? [];
      const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
      for (const s of selectors) for (const el of doc.querySelectorAll(s)) el.remove();
      let error: unknown;
      try {
        withStrictLookups(() => BITRIX24_ADAPTER.read(doc, u));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SelectorError);
      expect((error as SelectorError).adapterId).toMatch(/^bitrix24:/);
      expect((error as Error).message).toContain(selectors[0]);
      expect(() => BITRIX24_ADAPTER.read(doc, u)).not.toThrow();
    },
  );

  it('survives hostile markup: NUL, lone surrogates, a megabyte title, no editor', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    const title = doc.querySelector('#pagetitle')!;
    title.textContent = `A\u0000B\ud800${'x'.repeat(1_000_000)}`;
    const ctx = BITRIX24_ADAPTER.read(doc, u);
    expect(ctx?.name.startsWith('A\u0000B\ud800x')).toBe(true);
    doc.querySelector('.ui-entity-editor-column-wrapper')?.remove();
    doc.querySelector('.crm-entity-card-container')?.remove();
    doc.querySelector('[data-role="crm-item-detail-container"]')?.remove();
    expect(BITRIX24_ADAPTER.read(doc, u)).toBeNull();
  });
});
