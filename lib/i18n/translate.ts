// From langs.ts, not lang.ts: the panel's first paint uses this file and must not pull in zod.
import type { LocalizedText } from './lang';
import { defaultLang, type Lang } from './langs';
import { MESSAGES, type Message, type MessageKey } from './messages';

export type TranslateParams = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: TranslateParams) => string;

/**
 * Russian plural form for n: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30 → many.
 * Teens (11–14) always take "many".
 */
export function pluralRu<T>(n: number, one: T, few: T, many: T): T {
  const abs = Math.abs(Math.trunc(n));
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

function pickForm(message: Message, count: number): string {
  if (typeof message === 'string') return message;
  if ('few' in message) return pluralRu(count, message.one, message.few, message.many);
  return Math.abs(count) === 1 ? message.one : message.other;
}

function interpolate(text: string, params: TranslateParams | undefined): string {
  if (!params) return text;
  // Unknown placeholders stay visible, so a missing parameter is noticed, not hidden.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The UI string for key in lang, with {name} placeholders filled; plural keys use params.count. */
export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  const message = MESSAGES[lang][key];
  const count = Number(params?.count ?? 0);
  return interpolate(pickForm(message, count), params);
}

export function makeTranslator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}

/** The user's choice, or the browser's language when they have not chosen. */
export function resolveLang(settingsLang: Lang | null, navigatorLanguage: string | undefined): Lang {
  return settingsLang ?? defaultLang(navigatorLanguage);
}

/** Playbook text in the UI language. */
export function localize(text: LocalizedText, lang: Lang): string {
  return text[lang];
}

/** BCP 47 locale for Intl formatting in the UI language. */
export function intlLocale(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-US';
}
