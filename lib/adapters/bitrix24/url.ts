/**
 * Bitrix24 URL detection (sources and dates: SOURCES.md).
 *
 * Cloud portals live on <portal>.bitrix24.<zone>; the self-hosted edition ("коробка") runs on
 * the company's own domain, so there the path alone says it is Bitrix24: CRM cards are at
 * /crm/<entity>/details/<id>/, lists at /crm/<entity>/list/, the deal kanban at
 * /crm/deal/kanban/ (also /crm/deal/category/<n>/ and /crm/deal/kanban/category/<n>/ for the
 * other pipelines). A card opened over a list is the same URL inside the slider iframe, with
 * ?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER. /details/0/ is the "new record" form, not a card.
 */
export type BitrixEntity = 'deal' | 'lead' | 'contact' | 'company';

export type BitrixPageKind = 'card' | 'list' | 'kanban';

export interface BitrixPageRef {
  kind: BitrixPageKind;
  entity: BitrixEntity;
  /** The record id on a card; null on lists. */
  id: string | null;
  /** The page is the side slider's iframe (a card opened over a list). */
  slider: boolean;
  /** The host is not a Bitrix24 cloud zone: a self-hosted install, recognised by its path. */
  selfHosted: boolean;
}

/**
 * Cloud zones, by the vendor's own per-region links (im module, 2025) plus zones seen in
 * third-party scripts' @match lists (2026). One pattern each, for the manifest later.
 */
export const BITRIX24_CLOUD_ZONES = [
  'bitrix24.ru', 'bitrix24.by', 'bitrix24.kz', 'bitrix24.uz', 'bitrix24.ua',
  'bitrix24.com', 'bitrix24.eu', 'bitrix24.de', 'bitrix24.fr', 'bitrix24.it', 'bitrix24.pl',
  'bitrix24.es', 'bitrix24.uk', 'bitrix24.in', 'bitrix24.com.br', 'bitrix24.mx', 'bitrix24.co',
  'bitrix24.com.tr', 'bitrix24.cn', 'bitrix24.jp', 'bitrix24.vn', 'bitrix24.id',
] as const;

/** Match patterns of every cloud portal (https only), for the manifest. */
export function bitrix24CloudHostPatterns(): string[] {
  return BITRIX24_CLOUD_ZONES.map((zone) => `https://*.${zone}/*`);
}

/**
 * A portal's own host: one label before the zone (www. and cdn. are the vendor's sites).
 * Built on first use: nothing runs at load, so a bundle that does not use Bitrix24 drops it.
 */
let cloudHost: RegExp | null = null;
function cloudHostPattern(): RegExp {
  const zones = BITRIX24_CLOUD_ZONES.map((z) => z.replace(/\./g, '\\.')).join('|');
  cloudHost ??= new RegExp(`^(?!www\\.|cdn\\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.(?:${zones})$`, 'i');
  return cloudHost;
}

const CARD_PATH = /^\/crm\/(deal|lead|contact|company)\/details\/(\d{1,20})\/?$/;
const LIST_PATH = /^\/crm\/(deal|lead|contact|company)\/list\/?$/;
const KANBAN_PATH = /^\/crm\/(deal|lead)\/(?:kanban\/?(?:category\/\d{1,10}\/?)?|category\/\d{1,10}\/?)$/;

export function isBitrixCloudHost(url: URL): boolean {
  return url.protocol === 'https:' && cloudHostPattern().test(url.hostname);
}

function isWeb(url: URL): boolean {
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** Which Bitrix24 page this URL is, or null when it is none we read. */
export function parseBitrixUrl(url: URL): BitrixPageRef | null {
  if (!isWeb(url)) return null;
  const selfHosted = !isBitrixCloudHost(url);
  // A look-alike of a cloud zone on plain http is not a portal (the cloud is https only).
  if (selfHosted && /\.bitrix24\./i.test(url.hostname) && url.protocol !== 'https:') return null;
  const slider = url.searchParams.get('IFRAME') === 'Y' && url.searchParams.get('IFRAME_TYPE') === 'SIDE_SLIDER';
  const card = CARD_PATH.exec(url.pathname);
  if (card) {
    const id = card[2] ?? '';
    if (/^0+$/.test(id)) return null;
    return { kind: 'card', entity: card[1] as BitrixEntity, id, slider, selfHosted };
  }
  const list = LIST_PATH.exec(url.pathname);
  if (list) return { kind: 'list', entity: list[1] as BitrixEntity, id: null, slider, selfHosted };
  const kanban = KANBAN_PATH.exec(url.pathname);
  if (kanban) return { kind: 'kanban', entity: kanban[1] as BitrixEntity, id: null, slider, selfHosted };
  return null;
}

/** Cloud portal: every page is ours. Self-hosted: only the CRM pages above. */
export function matchesBitrix(url: URL): boolean {
  return isBitrixCloudHost(url) || parseBitrixUrl(url) !== null;
}

export function parseBitrixCardUrl(url: URL): (BitrixPageRef & { id: string }) | null {
  const ref = parseBitrixUrl(url);
  return ref?.kind === 'card' && ref.id !== null ? { ...ref, id: ref.id } : null;
}

/**
 * The card open in the side slider over this (list) page, from the slider iframe's src; null
 * when no card slider is open. The card itself is read inside that iframe.
 */
export function openSliderCard(doc: Document, base: URL): (BitrixPageRef & { id: string }) | null {
  const frames = doc.querySelectorAll<HTMLIFrameElement>('iframe.side-panel-iframe');
  // The topmost slider is the last one opened.
  for (let i = frames.length - 1; i >= 0; i--) {
    const src = frames[i]?.getAttribute('src');
    if (!src) continue;
    try {
      const u = new URL(src, base);
      if (u.origin !== base.origin) continue;
      const ref = parseBitrixCardUrl(u);
      if (ref) return ref;
    } catch {
      // A malformed src is not a card.
    }
  }
  return null;
}

export interface BitrixExample {
  url: string;
  card: boolean;
  /** 'other': a cloud portal's page that is no CRM page (feed, tasks, a new-record form). */
  kind: BitrixPageKind | 'other';
  entity: BitrixEntity | null;
  selfHosted?: true;
}

/** Example URLs of every page kind; the tests check each matches its kind and no other. */
export const BITRIX24_EXAMPLES: BitrixExample[] = [
  { url: 'https://vector.bitrix24.ru/crm/deal/details/4021/', card: true, kind: 'card', entity: 'deal' },
  { url: 'https://vector.bitrix24.ru/crm/deal/details/4021/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER', card: true, kind: 'card', entity: 'deal' },
  { url: 'https://globex.bitrix24.com/crm/deal/details/88/', card: true, kind: 'card', entity: 'deal' },
  { url: 'https://muster.bitrix24.de/crm/deal/details/5/', card: true, kind: 'card', entity: 'deal' },
  { url: 'https://b24-x1y2z3.bitrix24.com.br/crm/deal/details/17/', card: true, kind: 'card', entity: 'deal' },
  { url: 'https://firma.bitrix24.pl/crm/lead/details/9/', card: true, kind: 'card', entity: 'lead' },
  { url: 'https://almaty.bitrix24.kz/crm/lead/details/310', card: true, kind: 'card', entity: 'lead' },
  { url: 'https://minsk.bitrix24.by/crm/contact/details/301/', card: true, kind: 'card', entity: 'contact' },
  { url: 'https://kyiv.bitrix24.ua/crm/company/details/77/', card: true, kind: 'card', entity: 'company' },
  { url: 'https://acme.bitrix24.eu/crm/company/details/12/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER', card: true, kind: 'card', entity: 'company' },
  { url: 'https://acme.bitrix24.es/crm/deal/list/', card: false, kind: 'list', entity: 'deal' },
  { url: 'https://acme.bitrix24.fr/crm/lead/list/', card: false, kind: 'list', entity: 'lead' },
  { url: 'https://acme.bitrix24.it/crm/contact/list/', card: false, kind: 'list', entity: 'contact' },
  { url: 'https://acme.bitrix24.uk/crm/deal/kanban/', card: false, kind: 'kanban', entity: 'deal' },
  { url: 'https://acme.bitrix24.in/crm/deal/kanban/category/3/', card: false, kind: 'kanban', entity: 'deal' },
  { url: 'https://acme.bitrix24.com.tr/crm/deal/category/2/', card: false, kind: 'kanban', entity: 'deal' },
  { url: 'https://acme.bitrix24.ru/crm/lead/kanban/', card: false, kind: 'kanban', entity: 'lead' },
  { url: 'https://vector.bitrix24.ru/stream/', card: false, kind: 'other', entity: null },
  { url: 'https://vector.bitrix24.ru/crm/deal/details/0/', card: false, kind: 'other', entity: null },
  { url: 'https://crm.vector-group.ru/crm/deal/details/4021/', card: true, kind: 'card', entity: 'deal', selfHosted: true },
  { url: 'https://crm.vector-group.ru/crm/lead/details/310/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER', card: true, kind: 'card', entity: 'lead', selfHosted: true },
  { url: 'https://portal.example.com/crm/contact/details/301/', card: true, kind: 'card', entity: 'contact', selfHosted: true },
  { url: 'http://10.0.0.5/crm/company/details/77/', card: true, kind: 'card', entity: 'company', selfHosted: true },
  { url: 'https://crm.vector-group.ru/crm/deal/list/', card: false, kind: 'list', entity: 'deal', selfHosted: true },
  { url: 'https://crm.vector-group.ru/crm/deal/kanban/', card: false, kind: 'kanban', entity: 'deal', selfHosted: true },
];
