/** The UI languages. No zod here: the content script imports this and must stay small. */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Russian for a Russian-speaking browser, English otherwise. */
export function defaultLang(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
