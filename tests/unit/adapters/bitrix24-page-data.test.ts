// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BITRIX24_ADAPTER } from '../../../lib/adapters/bitrix24';
import { parseBitrixPageData } from '../../../lib/adapters/bitrix24/page-data';
import { ClientContextSchema, type ClientContext } from '../../../lib/context/client-context';
import { fixture } from './fixtures';

const valueOf = (ctx: ClientContext | null, key: string) => ctx?.fields.find((f) => f.key === key)?.value;

/** What a page-world helper would hand over for the Russian deal card fixture (deal 4021). */
function dealPayload(): Record<string, unknown> {
  return {
    v: 1,
    entityTypeId: 2,
    entityId: '4021',
    lang: 'ru',
    model: {
      TITLE: 'Поставка серверов — ООО «Вектор»',
      STAGE_ID: 'EXECUTING',
      CATEGORY_ID: '0',
      OPPORTUNITY: 1250000,
      CURRENCY_ID: 'RUB',
      FORMATTED_OPPORTUNITY_WITH_CURRENCY: '1 250 000 руб.',
      ASSIGNED_BY_ID: '17',
      ASSIGNED_BY_FORMATTED_NAME: 'Ирина Соколова',
      SOURCE_ID: 'CALL',
      CLIENT_INFO: {
        COMPANY_DATA: [
          { id: 77, title: 'ООО «Вектор»', advancedInfo: { multiFields: [{ ID: '9', TYPE_ID: 'PHONE', VALUE: '+7 495 123-45-67', VALUE_TYPE: 'WORK' }] } },
        ],
        CONTACT_DATA: [
          {
            id: '301',
            title: 'Андрей Петров',
            advancedInfo: {
              multiFields: [
                { TYPE_ID: 'PHONE', VALUE: '+7 912 345-67-89' },
                { TYPE_ID: 'EMAIL', VALUE: 'petrov@vector.example' },
                { TYPE_ID: 'IM', VALUE: 'telegram:petrov' },
              ],
            },
          },
        ],
      },
      UF_CRM_1700000101: { VALUE: '7707083893', IS_EMPTY: false },
      UF_CRM_1700000102: { VALUE: '45', IS_EMPTY: false },
      UF_CRM_1700000103: { VALUE: null, IS_EMPTY: true },
      // Hidden in the card because empty: only the model knows it exists.
      UF_CRM_1700000104: { VALUE: '', IS_EMPTY: true },
    },
    titles: { UF_CRM_1700000104: 'Дата тендера' },
  };
}

describe('Bitrix24 page data (BX.Crm.EntityEditor model)', () => {
  it('reads the model and takes from the card what the model lacks: stage name, labels, option texts', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    const ctx = BITRIX24_ADAPTER.read(doc, u, dealPayload());
    expect(ClientContextSchema.parse(ctx)).toMatchObject({
      origin: 'page-data',
      crmId: '4021',
      name: 'Поставка серверов — ООО «Вектор»',
      stageId: 'EXECUTING',
      stage: 'Переговоры', // the model has the id; the bar's step with that data-id has the name
      budget: '1 250 000 руб.',
      responsible: 'Ирина Соколова',
      company: 'ООО «Вектор»',
      contacts: [{ name: 'Андрей Петров', phones: ['+7 912 345-67-89'], emails: ['petrov@vector.example'] }],
    });
    expect(valueOf(ctx, 'uf:UF_CRM_1700000102')).toBe('Ключевой'); // the card's option text, not enum id 45
    expect(valueOf(ctx, 'field:SOURCE_ID')).toBe('Звонок');
    expect(valueOf(ctx, 'uf:UF_CRM_1700000103')).toBe('');
    // A field the card hides because it is empty is still known, so it can be required.
    expect(ctx?.fields.find((f) => f.key === 'uf:UF_CRM_1700000104')).toEqual({ key: 'uf:UF_CRM_1700000104', label: 'Дата тендера', value: '' });
    // The comment is on the card only; it is kept.
    expect(valueOf(ctx, 'field:COMMENTS')).toContain('Замена парка серверов');
  });

  it('prefers the stage names the helper hands over, and works without any card markup', () => {
    const payload = { ...dealPayload(), stages: [{ id: 'EXECUTING', name: 'Переговоры (из модели)' }] };
    const empty = new DOMParser().parseFromString('<html><body></body></html>', 'text/html');
    const ctx = BITRIX24_ADAPTER.read(empty, new URL('https://vector.bitrix24.ru/crm/deal/details/4021/'), payload);
    expect(ctx).toMatchObject({ origin: 'page-data', stage: 'Переговоры (из модели)', stageId: 'EXECUTING', responsible: 'Ирина Соколова' });
    expect(valueOf(ctx, 'uf:UF_CRM_1700000102')).toBe('45'); // no card to translate the id
  });

  it('ignores a model about another record than the URL (a lagging slider) and reads the card', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    for (const other of [{ entityId: '4022' }, { entityTypeId: 1 }]) {
      const ctx = BITRIX24_ADAPTER.read(doc, u, { ...dealPayload(), ...other });
      expect(ctx?.origin).toBe('dom');
      expect(ctx?.crmId).toBe('4021');
    }
  });

  it('reads a lead model: status id, the person, own phones', () => {
    const { doc, u } = fixture('bitrix24/2026-12-01-lead-card.html');
    const ctx = BITRIX24_ADAPTER.read(doc, u, {
      v: 1,
      entityTypeId: 1,
      entityId: '310',
      lang: 'ru',
      model: {
        TITLE: 'Заявка с сайта: аудит сети',
        STATUS_ID: 'IN_PROCESS',
        NAME: 'Светлана',
        LAST_NAME: 'Кузнецова',
        COMPANY_TITLE: 'АО «Северный порт»',
        PHONE: [{ ID: '1', VALUE: '+7 812 123-45-67', VALUE_TYPE: 'WORK' }],
        EMAIL: [],
        OPPORTUNITY: '',
      },
    });
    expect(ctx).toMatchObject({
      origin: 'page-data',
      stage: 'В работе',
      stageId: 'IN_PROCESS',
      company: 'АО «Северный порт»',
      contacts: [{ name: 'Светлана Кузнецова', phones: ['+7 812 123-45-67'], emails: [] }],
      budget: '',
    });
    expect(valueOf(ctx, 'phone')).toBe('+7 812 123-45-67');
  });

  it.each([
    ['not an object', 'deal'],
    ['wrong version', { ...dealPayload(), v: 2 }],
    ['unknown entity type', { ...dealPayload(), entityTypeId: 7 }],
    ['zero id', { ...dealPayload(), entityId: '0' }],
    ['an extra top-level key', { ...dealPayload(), token: 'x' }],
    ['a model key outside the allow-list', { ...dealPayload(), model: { ...(dealPayload().model as object), PASSWORD: 'x' } }],
    ['a user field with its signed token', { ...dealPayload(), model: { UF_CRM_1: { VALUE: '1', IS_EMPTY: false, SIGNATURE: 'abc' } } }],
    ['a stage id with markup', { ...dealPayload(), model: { STAGE_ID: '<img onerror=1>' } }],
    ['a megabyte title', { ...dealPayload(), model: { TITLE: 'x'.repeat(1_000_000) } }],
    ['a nested object as a plain field', { ...dealPayload(), model: { TITLE: { toString: 'x' } } }],
    ['too many contacts', { ...dealPayload(), model: { CLIENT_INFO: { CONTACT_DATA: Array.from({ length: 101 }, () => ({ title: 'a' })) } } }],
    ['a party with extra keys', { ...dealPayload(), model: { CLIENT_INFO: { COMPANY_DATA: [{ title: 'a', url: '/x' }] } } }],
    ['a bad language', { ...dealPayload(), lang: 'ru"><script>' }],
  ])('rejects a payload with %s, and the card is read from its markup', (_why, payload) => {
    expect(parseBitrixPageData(payload)).toBeNull();
    const { doc, u } = fixture('bitrix24/2026-12-01-deal-card-ru.html');
    expect(BITRIX24_ADAPTER.read(doc, u, payload)?.origin).toBe('dom');
  });

  it('keeps NUL and lone surrogates as text, and accepts numbers where the model has them', () => {
    const payload = { ...dealPayload(), model: { TITLE: 'A\u0000B\ud800', OPPORTUNITY: 5, ASSIGNED_BY_ID: 17 } };
    const data = parseBitrixPageData(payload);
    expect(data?.fields['TITLE']).toBe('A\u0000B\ud800');
    expect(data?.fields['OPPORTUNITY']).toBe('5');
  });
});
