import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate } from '../../../lib/playbook/engine';
import { searchObjections } from '../../../lib/playbook/objection-search';
import { stem, wordMatches, words } from '../../../lib/playbook/word-stem';
import { makeContext } from './fixtures';

/** The default playbook's objections as the panel gets them for a card at `stage`. */
function objectionsAt(stage: string) {
  return evaluate(DEFAULT_PLAYBOOK, makeContext({ stage }), [], Date.UTC(2026, 0, 1)).objections;
}
const ids = (list: readonly { id: string }[]) => list.map((o) => o.id);

describe('word stems', () => {
  it('reduces Russian and English word forms to one stem', () => {
    expect(stem('подумаю')).toBe(stem('подумать'));
    expect(stem('бюджета')).toBe(stem('бюджет'));
    expect(stem('budgets')).toBe(stem('budget'));
  });

  it('splits text into lower-case words, ё as е, punctuation dropped', () => {
    expect(words('«Нет денег», — ЕЩЁ раз!')).toEqual(['нет', 'денег', 'еще', 'раз']);
    expect(words('\u0000\ud800 ')).toEqual([]);
  });

  it('matches a word being typed as a prefix, a finished one by stem either way round', () => {
    expect(wordMatches('до', 'дорого')).toBe(true);
    expect(wordMatches('дороговато', 'дорого')).toBe(true);
    expect(wordMatches('подумаю', 'подумать')).toBe(true);
    expect(wordMatches('подумаю', 'поставщик')).toBe(false);
  });
});

describe('objection search on the default playbook', () => {
  it('finds the issue’s words: подумаю, дороговато, нет денег, бюджет', () => {
    const all = objectionsAt('Переговоры');
    expect(ids(searchObjections(all, 'подумаю', 'ru'))).toEqual(['need_to_think']);
    expect(ids(searchObjections(all, 'дороговато', 'ru'))).toEqual(['too_expensive']);
    expect(ids(searchObjections(all, 'нет денег', 'ru'))).toEqual(['no_budget']);
    expect(ids(searchObjections(all, 'бюджета', 'ru'))).toEqual(['no_budget']);
    expect(ids(searchObjections(all, 'pricey', 'en'))).toEqual(['too_expensive']);
  });

  it('searches every stage: "подумать" on a qualification card finds the closing-stage objection', () => {
    const atQualification = objectionsAt('Квалификация');
    const think = atQualification.find((o) => o.id === 'need_to_think');
    expect(think?.relevant).toBe(false);
    expect(ids(searchObjections(atQualification, 'подумать', 'ru'))).toEqual(['need_to_think']);
  });

  it('puts the stage’s own objections first, and lists only them for an empty query', () => {
    const atQualification = objectionsAt('Квалификация');
    const relevant = atQualification.filter((o) => o.relevant);
    expect(searchObjections(atQualification, '  ', 'ru')).toEqual(relevant);
    // "не" starts words of several objections; the ones for qualification come before the others.
    const hits = searchObjections(atQualification, 'не', 'ru');
    const firstOther = hits.findIndex((o) => !o.relevant);
    expect(firstOther).toBeGreaterThan(0);
    expect(hits.slice(firstOther).every((o) => !o.relevant)).toBe(true);
  });

  it('falls back to the answers only when no phrase or synonym matches', () => {
    const all = objectionsAt('Переговоры');
    // "пилот" is only in an answer of "no budget".
    expect(ids(searchObjections(all, 'пилота', 'ru'))).toEqual(['no_budget']);
    expect(searchObjections(all, 'абракадабра', 'ru')).toEqual([]);
  });

  it('survives hostile input: NUL, lone surrogates, a megabyte of text', () => {
    const all = objectionsAt('Переговоры');
    expect(searchObjections(all, '\u0000\ud800', 'ru')).toEqual(all.filter((o) => o.relevant));
    expect(searchObjections(all, 'д'.repeat(1_000_000), 'ru')).toEqual([]);
  });
});
