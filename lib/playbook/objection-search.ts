import type { Lang } from '../i18n/lang';
import type { ObjectionView } from './panel-model';
import { wordMatches, words } from './word-stem';

/** Lower case, "ё" as "е", runs of spaces as one: how people actually type a search. */
export function normalizeSearch(text: string): string {
  return text.toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

function coversAll(typed: readonly string[], bag: readonly string[]): boolean {
  return typed.every((t) => bag.some((w) => wordMatches(t, w)));
}

/** What the client says, in both languages and the playbook's synonyms: managers type either. */
function phraseWords(o: ObjectionView): string[] {
  return [o.phrase.ru, o.phrase.en, ...o.synonyms].flatMap(words);
}

function relevantFirst(list: readonly ObjectionView[]): ObjectionView[] {
  return [...list.filter((o) => o.relevant), ...list.filter((o) => !o.relevant)];
}

/**
 * Objections for what the manager typed, over all stages, those of the client's stage first.
 * Every typed word must match (by stem, see word-stem.ts) a word of the objection's phrase or
 * synonyms; only when no objection matches that way are the answers (in the UI language)
 * searched too, so "подумать" finds the "need to think" objection rather than every answer
 * that happens to say "think". An empty query gives the stage's own objections.
 */
export function searchObjections(objections: readonly ObjectionView[], query: string, lang: Lang): ObjectionView[] {
  const typed = words(query);
  if (typed.length === 0) return objections.filter((o) => o.relevant);
  const byPhrase = objections.filter((o) => coversAll(typed, phraseWords(o)));
  if (byPhrase.length > 0) return relevantFirst(byPhrase);
  return relevantFirst(
    objections.filter((o) => coversAll(typed, [...phraseWords(o), ...o.answers.flatMap((a) => words(a[lang]))])),
  );
}
