import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LANGS } from '../../lib/i18n/lang';
import { MESSAGES, MESSAGES_EN, MESSAGES_RU, type Message } from '../../lib/i18n/messages';
import { pluralRu, resolveLang, translate } from '../../lib/i18n/translate';

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

function placeholders(message: Message): string[] {
  return [...new Set(texts(message).flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
}

describe('UI dictionaries', () => {
  it('have the same keys in Russian and English', () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual(Object.keys(MESSAGES_RU).sort());
  });

  it.each(LANGS)('has no empty text in %s', (lang) => {
    for (const [key, message] of Object.entries(MESSAGES[lang])) {
      for (const text of texts(message)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES_RU) as Array<keyof typeof MESSAGES_RU>) {
      expect(placeholders(MESSAGES_EN[key]), key).toEqual(placeholders(MESSAGES_RU[key]));
    }
  });

  it.each(['ru', 'en'])('ships extension locale %s with the manifest keys', (lang) => {
    const json = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    for (const key of ['extName', 'extDescription', 'commandTogglePanel']) {
      expect(json[key]?.message.trim(), key).toBeTruthy();
    }
    // Chrome refuses a description over 132 characters.
    expect(json.extDescription?.message.length).toBeLessThanOrEqual(132);
  });
});

describe('translate', () => {
  it('fills named placeholders', () => {
    expect(translate('ru', 'stage.progress', { index: 3, total: 9 })).toBe('Этап 3 из 9');
    expect(translate('en', 'stage.progress', { index: 3, total: 9 })).toBe('Stage 3 of 9');
  });

  it('agrees Russian counts with the noun', () => {
    expect(translate('ru', 'checklist.missing', { count: 1 })).toBe('1 поле не заполнено');
    expect(translate('ru', 'checklist.missing', { count: 3 })).toBe('3 поля не заполнены');
    expect(translate('ru', 'checklist.missing', { count: 5 })).toBe('5 полей не заполнено');
    expect(translate('ru', 'checklist.missing', { count: 21 })).toBe('21 поле не заполнено');
    expect(translate('en', 'checklist.missing', { count: 1 })).toBe('1 field missing');
    expect(translate('en', 'checklist.missing', { count: 2 })).toBe('2 fields missing');
  });

  it('picks Russian plural forms, teens included', () => {
    const form = (n: number) => pluralRu(n, 'one', 'few', 'many');
    expect([1, 21, 101, 1001].map(form)).toEqual(['one', 'one', 'one', 'one']);
    expect([2, 3, 4, 22, 34, 102].map(form)).toEqual(['few', 'few', 'few', 'few', 'few', 'few']);
    expect([0, 5, 11, 12, 13, 14, 19, 20, 25, 111, 112].map(form)).toEqual(Array(11).fill('many'));
  });

  it('follows the setting, else the browser language', () => {
    expect(resolveLang('en', 'ru-RU')).toBe('en');
    expect(resolveLang(null, 'ru-RU')).toBe('ru');
    expect(resolveLang(null, 'de-DE')).toBe('en');
  });
});
