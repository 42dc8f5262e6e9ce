/**
 * Room for the CRM beside the docked panel. Where the CRM's layout reflows, the page is
 * pushed aside (its <body> narrowed by the panel's width through one class on <html>);
 * where even that leaves the card's feed too narrow, the panel folds to a slim tab, and
 * opened from there it lies over the page until the window is wide enough again.
 *
 * The push is measured, not assumed: with the room reserved, the CRM's own feed must still
 * be at least MIN_FEED_PX wide and left of the panel; a layout that does not reflow (a fixed
 * minimum width, a feed that overflows instead) fails the check and gets the tab.
 */
export const ROOM_CLASS = 'sufler-room';
export const ROOM_STYLE_ID = 'sufler-room-style';
/** Narrower than this, a feed shows too little of each entry to read. */
export const MIN_FEED_PX = 240;
/** Without a known feed on the page, what the CRM keeps at the least. */
export const MIN_PAGE_PX = 720;

export type RoomMode = 'push' | 'overlay' | 'tab' | 'collapsed';

export interface RoomChoice {
  /** The manager folded the panel (settings). */
  collapsed: boolean;
  /** The manager opened the panel from the tab the narrow window put it in. */
  overlayWanted: boolean;
  /** The measured check: does the page still fit with room reserved for the panel? */
  pushFits: boolean;
}

export function chooseRoomMode({ collapsed, overlayWanted, pushFits }: RoomChoice): RoomMode {
  if (collapsed) return 'collapsed';
  if (pushFits) return 'push';
  return overlayWanted ? 'overlay' : 'tab';
}

/** Narrow the page's body by `width` px (0: give the room back). */
export function reserveRoom(doc: Document, width: number): void {
  const root = doc.documentElement;
  if (width <= 0) {
    root.classList.remove(ROOM_CLASS);
    doc.getElementById(ROOM_STYLE_ID)?.remove();
    return;
  }
  let style = doc.getElementById(ROOM_STYLE_ID);
  if (style === null) {
    style = doc.createElement('style');
    style.id = ROOM_STYLE_ID;
    (doc.head ?? root).append(style);
  }
  // Only the body's right margin: the CRM's own percentages and flex boxes then reflow into
  // what is left, and nothing of its styling is overridden besides.
  const css = `html.${ROOM_CLASS} > body { margin-right: ${Math.round(width)}px !important; }`;
  if (style.textContent !== css) style.textContent = css;
  root.classList.add(ROOM_CLASS);
}

/**
 * Reserve room for the panel, as wide as `width` or as wide as still fits, and return the
 * width reserved (0: none fits; the room is given back). It fits when the feed (if the adapter
 * knows one on this page) stays at least MIN_FEED_PX wide and visible left of the panel, or,
 * without a feed, when the viewport keeps MIN_PAGE_PX. A feed that reflows gains what the
 * panel gives up, so a too-wide panel is narrowed by the shortfall once and checked again.
 */
export function tryPush(doc: Document, width: number, feed: Element | null, minWidth: number): number {
  const viewport = doc.documentElement.clientWidth;
  const widest = viewport - (feed === null ? MIN_PAGE_PX : MIN_FEED_PX);
  let candidate = Math.min(width, widest);
  for (let attempt = 0; attempt < 2 && candidate >= minWidth; attempt += 1) {
    reserveRoom(doc, candidate);
    if (feed === null) return candidate;
    const shortfall = MIN_FEED_PX - feedVisible(feed, viewport - candidate);
    if (shortfall <= 0) return candidate;
    candidate -= shortfall;
  }
  reserveRoom(doc, 0);
  return 0;
}

/** How many px of the feed show left of `edge` (the panel's left side). */
function feedVisible(feed: Element, edge: number): number {
  const rect = feed.getBoundingClientRect();
  return Math.min(rect.right, edge) - Math.max(rect.left, 0);
}

/** The first element of the CRM's feed on the page, from the adapter's selectors. */
export function findFeed(doc: Document, selectors: readonly string[] | undefined): Element | null {
  for (const selector of selectors ?? []) {
    try {
      const found = doc.querySelector(selector);
      if (found !== null) return found;
    } catch {
      // A bad selector is a bug of ours; the page must not see it.
    }
  }
  return null;
}
