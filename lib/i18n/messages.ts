import type { Lang } from './lang';
import { MESSAGES_RU } from './messages-ru';
import { MESSAGES_EN } from './messages-en';

/**
 * The UI dictionaries. Russian is the source of keys; English must match it key for key,
 * so a missing translation is a type error, not a blank spot in the panel.
 */
export type MessageKey = keyof typeof MESSAGES_RU;

export interface RuPlural {
  one: string;
  few: string;
  many: string;
}
export interface EnPlural {
  one: string;
  other: string;
}

export type EnglishMessages = {
  [K in MessageKey]: (typeof MESSAGES_RU)[K] extends string ? string : EnPlural;
};

export type Message = string | RuPlural | EnPlural;

export const MESSAGES: Record<Lang, Record<MessageKey, Message>> = {
  ru: MESSAGES_RU,
  en: MESSAGES_EN,
};

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES_RU, key);
}

export { MESSAGES_RU, MESSAGES_EN };
