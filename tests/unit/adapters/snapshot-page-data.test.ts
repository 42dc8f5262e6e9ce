import { describe, expect, it } from 'vitest';
import { parseAmoPageData } from '../../../lib/adapters/amocrm/page-data';
import { snapshotAmoPageData } from '../../../lib/adapters/amocrm/snapshot-page-data';
import { fakeAmoWindow } from './fake-amo-app';

describe('snapshotAmoPageData (MAIN world)', () => {
  it('turns APP.data.current_card into a snapshot the isolated side accepts', () => {
    const snapshot = snapshotAmoPageData(fakeAmoWindow('18230417'));
    expect(parseAmoPageData(snapshot)).toMatchObject({
      cardId: '18230417',
      elementType: 2,
      lang: 'ru',
      mainUserId: '7011',
      users: { '7011': 'Ирина Соколова' },
    });
    expect(snapshot?.attributes['lead[STATUS]']).toBe('40014');
    expect(snapshot?.attributes['CFV[512305]']).toEqual(['2001', '2002']);
    expect(snapshot?.customFields['512301']).toEqual({
      name: 'Сегмент клиента',
      type: 'select',
      enums: { '1001': 'Ключевой', '1002': 'Средний', '1003': 'Малый' },
    });
    expect(snapshot?.pipelines).toHaveLength(1);
    expect(snapshot?.pipelines[0]?.statuses.find((s) => s.id === '142')?.name).toBe('Успешно реализовано');
    expect(snapshot?.linked?.map((l) => [l.entity, l.name])).toEqual([
      ['company', 'ООО «Вектор»'],
      ['contact', 'Андрей Петров'],
      ['contact', 'Ольга Смирнова'],
    ]);
    expect(snapshot?.linked?.[1]).toMatchObject({ phones: ['+7 912 345-67-89'], emails: ['petrov@vector.example'] });
  });

  it('hands over only what the card shows: no other attributes, no other users', () => {
    const json = JSON.stringify(snapshotAmoPageData(fakeAmoWindow('18230417')));
    expect(json).not.toContain('secret-token');
    expect(json).not.toContain('Дмитрий Орлов'); // another user of the account
    expect(json).not.toContain('"120001"'); // phone field definition is not a card field
  });

  it('works with the deprecated AMOCRM alias and with APP', () => {
    const { AMOCRM } = fakeAmoWindow('18230431');
    expect(snapshotAmoPageData({ APP: AMOCRM })?.cardId).toBe('18230431');
    expect(snapshotAmoPageData({ AMOCRM })?.cardId).toBe('18230431');
  });

  it('returns null off a card and never throws on strange page objects', () => {
    const throwing = {
      get APP(): unknown {
        throw new Error('page getter');
      },
    };
    const cases: unknown[] = [
      undefined,
      {},
      { APP: { data: {} } },
      { APP: { data: { current_card: { id: 0, element_type: 2 } } } },
      { APP: { data: { current_card: { id: 5, element_type: 0 } } } },
      throwing,
      { APP: { data: { current_card: { id: 5, element_type: 2, model: { toJSON: () => { throw new Error('x'); } } } } } },
    ];
    for (const win of cases) expect(snapshotAmoPageData(win)).toBeNull();
  });

  it('copes with a minimal card: no constant(), attributes only', () => {
    const snapshot = snapshotAmoPageData({
      APP: { data: { current_card: { id: '77', element_type: 2, model: { attributes: { 'lead[NAME]': 'Сделка', 'CFV[5]': true } } } } },
    });
    expect(parseAmoPageData(snapshot)).toMatchObject({ cardId: '77', attributes: { 'lead[NAME]': 'Сделка', 'CFV[5]': '1' }, customFields: {} });
    expect(snapshot?.linked).toBeUndefined();
  });
});
