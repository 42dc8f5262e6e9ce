import { formatDateTime } from '../i18n/format-date';
import type { Lang } from '../i18n/lang';
import { reminderAlarmName, type Reminder } from './reminder';

export interface ReminderNotice {
  id: string;
  title: string;
  message: string;
}

const TEXT = {
  ru: { title: (name: string | null) => (name === null ? 'Пора перезвонить' : `Перезвоните: ${name}`), agreed: 'Договорились созвониться', open: 'Нажмите, чтобы открыть карточку' },
  en: { title: (name: string | null) => (name === null ? 'Time to call back' : `Call back: ${name}`), agreed: 'Callback agreed for', open: 'Click to open the card' },
} as const;

/** What the notification of a due callback says; its id routes the click to the card. */
export function reminderNotice(reminder: Reminder, lang: Lang): ReminderNotice {
  const text = TEXT[lang];
  const open = reminder.cardUrl === null ? '' : `\n${text.open}`;
  return {
    id: reminderAlarmName(reminder.id),
    title: text.title(reminder.clientName),
    message: `${text.agreed} ${formatDateTime(reminder.at, lang)}${open}`,
  };
}
