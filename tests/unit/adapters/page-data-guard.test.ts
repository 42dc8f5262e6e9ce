import { describe, expect, it } from 'vitest';
import { parseAmoPageData } from '../../../lib/adapters/amocrm/page-data';

/** A valid snapshot as the bridge sends it; each case below breaks one thing. */
function valid(): Record<string, unknown> {
  return {
    v: 1,
    cardId: '101',
    elementType: 2,
    lang: 'ru',
    attributes: { 'lead[NAME]': 'Сделка', 'CFV[5]': ['1', '2'] },
    mainUserId: '7',
    customFields: { '5': { name: 'Услуги', type: 'multiselect', enums: { '1': 'Поставка', '2': 'Монтаж' } } },
    users: { '7': 'Ирина' },
    pipelines: [{ id: '1', name: 'Продажи', statuses: [{ id: '142', name: 'Успешно' }] }],
    linked: [{ entity: 'contact', id: null, name: 'Пётр', phones: ['+7 900'], emails: [] }],
  };
}

const big = 'x'.repeat(2001);

describe('parseAmoPageData: the check of what the page hands over', () => {
  it('accepts a well-formed snapshot and keeps every field', () => {
    expect(parseAmoPageData(valid())).toEqual(valid());
  });

  it('accepts a snapshot without linked entities', () => {
    const data = valid();
    delete data.linked;
    expect(parseAmoPageData(data)).not.toBeNull();
  });

  it('drops keys it does not know, so nothing unexpected travels on', () => {
    expect(parseAmoPageData({ ...valid(), token: 'secret' })).not.toHaveProperty('token');
  });

  const broken: [string, (d: Record<string, unknown>) => unknown][] = [
    ['not an object', () => 'card'],
    ['null', () => null],
    ['an array', () => [valid()]],
    ['another version', (d) => ({ ...d, v: 2 })],
    ['a card id that is not digits', (d) => ({ ...d, cardId: '12a' })],
    ['a card id as a number', (d) => ({ ...d, cardId: 101 })],
    ['a card id longer than 20 digits', (d) => ({ ...d, cardId: '1'.repeat(21) })],
    ['element type zero', (d) => ({ ...d, elementType: 0 })],
    ['element type fractional', (d) => ({ ...d, elementType: 1.5 })],
    ['element type as text', (d) => ({ ...d, elementType: '2' })],
    ['language too long', (d) => ({ ...d, lang: 'ru-RU-xxxxx' })],
    ['an attribute value too long', (d) => ({ ...d, attributes: { 'lead[NAME]': big } })],
    ['an attribute value that is an object', (d) => ({ ...d, attributes: { 'lead[NAME]': { a: 1 } } })],
    ['a multiselect with a number inside', (d) => ({ ...d, attributes: { 'CFV[5]': ['1', 2] } })],
    ['a multiselect of 201 options', (d) => ({ ...d, attributes: { 'CFV[5]': Array(201).fill('1') } })],
    ['an attribute key too long', (d) => ({ ...d, attributes: { ['k'.repeat(81)]: 'v' } })],
    ['attributes as an array', (d) => ({ ...d, attributes: ['a'] })],
    ['a custom field id that is not digits', (d) => ({ ...d, customFields: { abc: { name: 'x', type: null, enums: {} } } })],
    ['a custom field without enums', (d) => ({ ...d, customFields: { '5': { name: 'x', type: null } } })],
    ['a custom field type too long', (d) => ({ ...d, customFields: { '5': { name: 'x', type: 't'.repeat(41), enums: {} } } })],
    ['a user name too long', (d) => ({ ...d, users: { '7': big } })],
    ['pipelines as an object', (d) => ({ ...d, pipelines: {} })],
    ['a status without a name', (d) => ({ ...d, pipelines: [{ id: '1', name: 'P', statuses: [{ id: '2' }] }] })],
    ['a linked entity of another kind', (d) => ({ ...d, linked: [{ entity: 'deal', id: null, name: 'x', phones: [], emails: [] }] })],
    ['51 phones on one contact', (d) => ({ ...d, linked: [{ entity: 'contact', id: null, name: 'x', phones: Array(51).fill('1'), emails: [] }] })],
    ['a missing users map', (d) => ({ ...d, users: undefined })],
    ['a main user id as a number', (d) => ({ ...d, mainUserId: 7 })],
  ];

  it.each(broken)('rejects %s', (_label, breakIt) => {
    expect(parseAmoPageData(breakIt(valid()))).toBeNull();
  });

  it('rejects a map of more than 2,000 users rather than copying it', () => {
    const users = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [String(i), 'u']));
    expect(parseAmoPageData({ ...valid(), users })).toBeNull();
  });
});
