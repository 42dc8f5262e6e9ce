import { defaultLang, type Lang, type LocalizedText } from '../i18n/lang';
import type { Settings } from '../settings/settings';

/** Texts of errors the panel shows from an ack. */
export const USER_MESSAGES = {
  noTab: {
    ru: 'Не понятно, к какой вкладке относится панель. Откройте панель на вкладке с CRM.',
    en: 'The panel is not tied to a tab. Open the panel on a CRM tab.',
  },
  noClient: {
    ru: 'На этой вкладке не открыта карточка клиента, касание не записано.',
    en: 'No client card is open on this tab, so the touch was not logged.',
  },
  invalidTouch: {
    ru: 'Касание не записано: данные не прошли проверку.',
    en: 'The touch was not logged: its data did not pass the check.',
  },
  syncConfigInvalid: {
    ru: 'Адрес сервера или токен не подходят, синхронизация не настроена.',
    en: 'The server address or token is not valid, so sync was not set up.',
  },
  // Editable touches (issue 9, item 9).
  touchMissing: {
    ru: 'Этого касания уже нет: его удалили, возможно, на другом устройстве.',
    en: 'This touch is gone: it was deleted, perhaps on another device.',
  },
  touchReadonly: {
    ru: 'Открытие письма записывает трекер, его нельзя изменить.',
    en: 'Email opens are recorded by the tracker and cannot be changed.',
  },
  // The CRM's own history (issue 9, item 1).
  noCrmComposer: {
    ru: 'В этой карточке CRM не нашлось формы примечания. Откройте ленту карточки и попробуйте ещё раз.',
    en: 'This CRM card shows no note form. Open the card’s feed and try again.',
  },
  failed: {
    ru: 'Не получилось сохранить. Попробуйте ещё раз.',
    en: 'Could not save. Please try again.',
  },
} satisfies Record<string, LocalizedText>;

export type UserMessageId = keyof typeof USER_MESSAGES;

/** The user's chosen language, or the browser's when they follow it. */
export function uiLang(settings: Settings, browserLanguage: string | undefined): Lang {
  return settings.lang ?? defaultLang(browserLanguage);
}

export function userMessage(id: UserMessageId, lang: Lang): string {
  return USER_MESSAGES[id][lang];
}
