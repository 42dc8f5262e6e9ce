import type { Lang } from '../i18n/lang';
import type { ObjectionView } from './panel-model';

/** Lower case, "ё" as "е", runs of spaces as one: how people actually type a search. */
export function normalizeSearch(text: string): string {
  return text.toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** Objections whose phrase or any answer, in the UI language, contains the query. */
export function filterObjections(objections: readonly ObjectionView[], query: string, lang: Lang): ObjectionView[] {
  const q = normalizeSearch(query);
  if (q === '') return [...objections];
  return objections.filter(
    (o) => normalizeSearch(o.phrase[lang]).includes(q) || o.answers.some((a) => normalizeSearch(a[lang]).includes(q)),
  );
}
