import { describe, expect, it } from 'vitest';
import { REMINDER_PREFIX, reminderAlarmName, reminderFor, reminderIdOf, safeCardUrl } from '../../../lib/reminders/reminder';
import { reminderNotice } from '../../../lib/reminders/reminder-notice';

const TOUCH = { id: '01JDREMINDERTEST00000000A1', clientKey: 'amocrm:acme:lead:1001' };
const CARD = { url: 'https://acme.amocrm.ru/leads/detail/1001', name: 'Поставка труб' };
const AT = Date.UTC(2026, 11, 3, 7, 0);

describe('a callback reminder', () => {
  it('names its alarm and notification by its id, and reads only its own names back', () => {
    expect(reminderAlarmName(TOUCH.id)).toBe(`${REMINDER_PREFIX}${TOUCH.id}`);
    expect(reminderIdOf(reminderAlarmName(TOUCH.id))).toBe(TOUCH.id);
    for (const other of ['sufler-sync', `sufler-open:${TOUCH.id}`, 'sufler-reminder:', 'sufler-reminder:../x', `sufler-reminder:${TOUCH.id}\u0000`]) {
      expect(reminderIdOf(other)).toBeNull();
    }
  });

  it('is made from the touch and the card, not yet fired', () => {
    expect(reminderFor(TOUCH, CARD, AT)).toEqual({ id: TOUCH.id, touchId: TOUCH.id, clientKey: TOUCH.clientKey, at: AT, cardUrl: CARD.url, clientName: 'Поставка труб', firedAt: null });
  });

  it('opens only web pages, and shows a broken or empty name as none', () => {
    expect(safeCardUrl('javascript:alert(1)')).toBeNull();
    expect(safeCardUrl('chrome://settings')).toBeNull();
    expect(safeCardUrl('not a url')).toBeNull();
    expect(reminderFor(TOUCH, { url: 'data:text/html,x', name: '  ' }, AT)).toMatchObject({ cardUrl: null, clientName: null });
    expect(reminderFor(TOUCH, { ...CARD, name: 'Трубы \uD800' }, AT).clientName).toBeNull();
    expect(reminderFor(TOUCH, { ...CARD, name: 'я'.repeat(1_000_000) }, AT).clientName).toHaveLength(500);
  });

  it('says whom to call and when, in both languages', () => {
    const reminder = reminderFor(TOUCH, CARD, AT);
    const ru = reminderNotice(reminder, 'ru');
    expect(ru.id).toBe(`sufler-reminder:${TOUCH.id}`);
    expect(ru.title).toBe('Перезвоните: Поставка труб');
    expect(ru.message).toContain('Договорились созвониться');
    expect(ru.message).toContain('2026');
    expect(ru.message).toContain('открыть карточку');
    const en = reminderNotice({ ...reminder, clientName: null, cardUrl: null }, 'en');
    expect(en.title).toBe('Time to call back');
    expect(en.message).not.toContain('open the card');
  });
});
