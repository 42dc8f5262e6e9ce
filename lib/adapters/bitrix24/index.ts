import type { ClientContext } from '../../context/client-context';
import { guardedIncrementalReader, guardedLocate, guardedRead } from '../guarded-reader';
import type { SiteAdapter } from '../types';
import { queryAllOf, queryOrNull } from '../dom-lookup';
import { BX_FIELDS, cidOfGenericKey } from './field-table';
import { parseBitrixPageData } from './page-data';
import { blockByCid, editorOf, findBlock, newBxFieldCache, readBitrixDom, type BxFieldCache } from './read-dom';
import { readBitrixPageData } from './read-page-data';
import { BX } from './selectors';
import { BITRIX24_EXAMPLES, bitrix24CloudHostPatterns, matchesBitrix, openSliderCard, parseBitrixCardUrl } from './url';

function readCard(
  doc: Document,
  url: URL,
  pageData: unknown,
  cache?: BxFieldCache,
  changed: ReadonlySet<Node> | null = null,
): ClientContext | null {
  if (!parseBitrixCardUrl(url)) return null;
  const dom = readBitrixDom(doc, url, cache, changed);
  const data = parseBitrixPageData(pageData);
  const fromData = data ? readBitrixPageData(data, url, doc, dom?.context ?? null) : null;
  return fromData ?? dom?.context ?? null;
}

/** Contact boxes of the card's client blocks (CLIENT on deals, CONTACT on companies). */
function contactBoxes(editor: ParentNode): HTMLElement[] {
  const blocks = ['CLIENT', 'CONTACT', 'CONTACT_ID'].flatMap((cid) => blockByCid(editor, cid) ?? []);
  return blocks.flatMap((block) =>
    queryAllOf<HTMLElement>(block, BX.clientBox).filter((box) => {
      const href = queryOrNull(box, BX.clientName)?.getAttribute('href') ?? '';
      return !/\/crm\/company\/details\//.test(href);
    }),
  );
}

/** The editor block (or client box) to outline for a PageField key, from the field table. */
function locateBitrixField(doc: Document, key: string): HTMLElement | null {
  const editor = editorOf(doc);
  if (!editor) return null;
  const contact = /^contact:(\d{1,4}):(name|phone|email)$/.exec(key);
  if (contact) {
    const n = Number(contact[1]);
    const boxes = contactBoxes(editor);
    if (boxes.length > 0) return boxes[n] ?? null;
    if (n !== 0) return null;
    // A lead or contact card: the person is the card itself.
    const own = contact[2] === 'phone' ? ['PHONE'] : contact[2] === 'email' ? ['EMAIL'] : ['NAME', 'LAST_NAME', 'TITLE'];
    for (const cid of own) {
      const block = blockByCid(editor, cid);
      if (block) return block;
    }
    return contact[2] === 'name' ? queryOrNull(doc, BX.title) : null;
  }
  const cid = cidOfGenericKey(key);
  if (cid) return blockByCid(editor, cid);
  // The table's rows for this key, in every entity: whichever the card shows.
  for (const spec of BX_FIELDS.filter((f) => f.key === key)) {
    const block = findBlock(editor, spec);
    if (block) return block;
  }
  if (key === 'name') return queryOrNull(doc, BX.title);
  if (key === 'stage') return queryOrNull(doc, BX.stageStep)?.parentElement ?? null;
  return null;
}

export const BITRIX24_ADAPTER: SiteAdapter = {
  id: 'bitrix24',
  label: 'Bitrix24',
  hosts: bitrix24CloudHostPatterns(),
  // A card opened over a list is read inside the slider's iframe.
  allFrames: true,
  cardInChildFrame: (doc, url) => openSliderCard(doc, url) !== null,
  examples: BITRIX24_EXAMPLES,
  matches: matchesBitrix,
  isCard: (url) => parseBitrixCardUrl(url) !== null,
  read: (doc, url, pageData) => guardedRead(readCard, doc, url, pageData),
  createReader: () => guardedIncrementalReader(readCard, newBxFieldCache),
  locateField: (doc, key) => guardedLocate(locateBitrixField, doc, key),
};
