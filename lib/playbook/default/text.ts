import type { LocalizedText } from '../../i18n/lang';

/** Shorthand for the default playbook's bilingual text: Russian first, then English. */
export function t(ru: string, en: string): LocalizedText {
  return { ru, en };
}
