import type { ClientContext } from '../../context/client-context';
import { guardedIncrementalReader, guardedLocate, guardedRead } from '../guarded-reader';
import type { SiteAdapter } from '../types';
import { queryOrNull } from '../dom-lookup';
import { mergeAmoContexts } from './merge-contexts';
import { parseAmoPageData } from './page-data';
import { linkedForms, newAmoFieldCache, readAmoDomDetailed, type AmoFieldCache } from './read-dom';
import { readAmoPageData } from './read-page-data';
import { fillAmoNoteComposer } from './note-composer';
import { createAmoFeedReader } from './read-feed';
import { AMO } from './selectors';
import { AMOCRM_EXAMPLES, AMOCRM_HOST_PATTERNS, isAmoHost, parseAmoCardUrl } from './url';

function readCard(
  doc: Document,
  url: URL,
  pageData: unknown,
  cache?: AmoFieldCache,
  changed: ReadonlySet<Node> | null = null,
): ClientContext | null {
  if (!parseAmoCardUrl(url)) return null;
  const dom = readAmoDomDetailed(doc, url, cache, changed);
  const data = parseAmoPageData(pageData);
  const fromData = data ? readAmoPageData(data, url) : null;
  if (!fromData) return dom?.context ?? null;
  return dom ? mergeAmoContexts(fromData, dom.context, dom.hiddenKeys) : fromData;
}

/** The `.linked-form__field` (or the name wrapper) to outline for a PageField key. */
function locateAmoField(doc: Document, key: string): HTMLElement | null {
  const root = queryOrNull(doc, AMO.cardRoot);
  if (!root) return null;
  const block = queryOrNull(root, AMO.fieldsBlock) ?? root;
  if (key === 'name') {
    const input = queryOrNull(root, AMO.name);
    return input?.closest<HTMLElement>('.js-card-name') ?? input;
  }
  if (key === 'budget') return queryOrNull(block, AMO.budgetField);
  if (key === 'responsible') return queryOrNull(block, AMO.responsibleField);
  const cf = /^cf:(\d+)$/.exec(key);
  if (cf) return queryOrNull(block, AMO.field.map((s) => `${s}[data-id="${cf[1]}"]`));
  const forms = linkedForms(root);
  if (key === 'company') return forms.company ? fieldOf(queryOrNull(forms.company, AMO.linkedName)) : null;
  const contact = /^contact:(\d+):(name|phone|email)$/.exec(key);
  const form = contact ? forms.contacts[Number(contact[1])] : undefined;
  if (!contact || !form) return null;
  const selectors = contact[2] === 'name' ? AMO.linkedName : contact[2] === 'phone' ? AMO.phoneInput : AMO.emailInput;
  return fieldOf(queryOrNull(form, selectors));
}

function fieldOf(control: Element | null): HTMLElement | null {
  return control?.closest<HTMLElement>(AMO.field.join(',')) ?? null;
}

export const AMOCRM_ADAPTER: SiteAdapter = {
  id: 'amocrm',
  label: 'amoCRM / Kommo',
  hosts: AMOCRM_HOST_PATTERNS,
  pageHelper: true,
  examples: AMOCRM_EXAMPLES,
  matches: isAmoHost,
  isCard: (url) => parseAmoCardUrl(url) !== null,
  read: (doc, url, pageData) => guardedRead(readCard, doc, url, pageData),
  createReader: () => guardedIncrementalReader(readCard, newAmoFieldCache),
  locateField: (doc, key) => guardedLocate(locateAmoField, doc, key),
  feedSelectors: AMO.feed,
  createFeedReader: createAmoFeedReader,
  fillNoteComposer: (doc, text) => {
    try {
      return fillAmoNoteComposer(doc, text);
    } catch {
      return false;
    }
  },
};
