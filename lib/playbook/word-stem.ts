import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { normalizeText } from './text-match';

/**
 * Words reduced to their stems, so "подумаю" finds "подумать" and "budgets" finds "budget".
 * The Snowball stemmers come from @orama/stemmers: maintained, typed, one small module per
 * language (Russian ~7 kB, English ~2 kB), no dependencies. Cyrillic words take the Russian
 * stemmer, everything else the English one.
 */

const CYRILLIC = /[\u0400-\u04ff]/;
const cache = new Map<string, string>();

/** The words of a text: lower case, 'ё' as 'е', split on anything but letters and digits. */
export function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = CYRILLIC.test(word) ? stemRussian(word) : stemEnglish(word);
    // A search box sees any text; the cache stays bounded whatever is typed.
    if (cache.size > 5000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Does the typed word name the same word as the text's word? Short input (one or two letters,
 * still being typed) matches as a prefix; longer input matches by stem, either way round, so
 * "дороговато" finds "дорого" (stem "дор") and "дорог" finds "дорогой".
 */
export function wordMatches(typed: string, word: string): boolean {
  if (word.startsWith(typed)) return true;
  if (typed.length < 3) return false;
  const a = stem(typed);
  const b = stem(word);
  return b.startsWith(a) || (b.length >= 3 && a.startsWith(b));
}
