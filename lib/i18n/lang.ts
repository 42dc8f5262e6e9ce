import { z } from 'zod';

export const LANGS = ['ru', 'en'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/** Text the playbook carries in both UI languages. */
export const LocalizedTextSchema = z.object({ ru: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Russian for a Russian-speaking browser, English otherwise. */
export function defaultLang(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
