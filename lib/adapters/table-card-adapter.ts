import { guardedIncrementalReader, guardedLocate, guardedRead } from './guarded-reader';
import { locateTableField, readTableCard, type TableSite } from './table-card';
import type { SiteAdapter } from './types';

/**
 * A site adapter made from a table site's declaration. Such cards hold a few dozen rows, so
 * every read is a whole one (the incremental reader only keeps errors from reaching the page).
 */
export function tableCardAdapter(site: TableSite): SiteAdapter {
  const readCard = (doc: Document, url: URL) => {
    const ref = site.parseCardUrl(url);
    return ref ? readTableCard(doc, url, ref, site.table) : null;
  };
  return {
    id: site.id,
    label: site.label,
    hosts: site.hosts,
    examples: site.examples,
    matches: (url) => site.matches(url),
    isCard: (url) => site.parseCardUrl(url) !== null,
    read: (doc, url) => guardedRead(readCard, doc, url, undefined),
    createReader: () => guardedIncrementalReader(readCard, () => null),
    locateField: (doc, key) => guardedLocate((d, k) => locateTableField(d, k, site.table), doc, key),
  };
}
