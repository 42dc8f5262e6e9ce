import type { Touch, TouchKind } from '../touches/touch';
import type { CrmFeedItem } from './crm-feed-item';
import { suflerTag, suflerTagsIn } from './crm-note-text';

/** The CRM's history beside Sufler's: each contact once, wherever it was typed. */
export interface CrmHistory {
  /** Feed items that are not a touch Sufler wrote into the CRM, newest first. */
  items: CrmFeedItem[];
  /** Ids of Sufler touches the CRM's feed shows too ("in CRM"). */
  inCrm: string[];
}

/** A comment this short ("ок") is too common to tell one note from another by content. */
const MIN_MATCH_COMMENT = 12;
/** A note pasted by hand is matched to a touch logged within this time of it. */
const MATCH_WINDOW_MS = 36 * 3_600_000;

const squash = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * Which feed items are Sufler's own touches written into the CRM: by the tag in the text
 * (crm-note-text.ts), or, for a tag the manager deleted, by the touch's comment found in the
 * note near the touch's time. A touch matches one item at most.
 */
export function mergeCrmHistory(touches: readonly Touch[], feed: readonly CrmFeedItem[] | undefined): CrmHistory {
  if (feed === undefined || feed.length === 0) return { items: [], inCrm: [] };
  const byTag = new Map<string, Touch>();
  for (const touch of touches) byTag.set(suflerTag(touch.id), touch);
  const matched = new Set<string>();
  const items: CrmFeedItem[] = [];
  for (const item of feed) {
    const touch = tagged(item, byTag, matched) ?? byComment(item, touches, matched);
    if (touch) matched.add(touch.id);
    else items.push(item);
  }
  items.sort((a, b) => (b.at ?? -1) - (a.at ?? -1));
  return { items, inCrm: [...matched] };
}

function tagged(item: CrmFeedItem, byTag: ReadonlyMap<string, Touch>, matched: ReadonlySet<string>): Touch | undefined {
  for (const tag of suflerTagsIn(item.text)) {
    const touch = byTag.get(tag);
    if (touch && !matched.has(touch.id)) return touch;
  }
  return undefined;
}

function byComment(item: CrmFeedItem, touches: readonly Touch[], matched: ReadonlySet<string>): Touch | undefined {
  if (item.kind !== 'note') return undefined;
  const text = squash(item.text);
  return touches.find((touch) => {
    const comment = squash(touch.comment);
    return (
      !matched.has(touch.id) &&
      comment.length >= MIN_MATCH_COMMENT &&
      text.includes(comment) &&
      (item.at === null || Math.abs(item.at - touch.at) <= MATCH_WINDOW_MS)
    );
  });
}

const TOUCH_KIND: Record<CrmFeedItem['kind'], TouchKind | null> = {
  call: 'call',
  meeting: 'meeting',
  email: 'email',
  note: 'note',
  task: null,
};

/**
 * The CRM's items as touches for the norms (lib/cadence): a CRM call counts like a call
 * logged in Sufler. Open tasks and items without a readable time are left out: one is a plan,
 * the other cannot be placed.
 */
export function feedAsTouches(items: readonly CrmFeedItem[], clientKey: string): Touch[] {
  const touches: Touch[] = [];
  for (const item of items) {
    const kind = TOUCH_KIND[item.kind];
    if (kind === null || item.at === null || item.outcome === 'planned') continue;
    touches.push({ id: `crm:${item.id}`, clientKey, kind, outcome: item.outcome, comment: item.text, at: item.at, stageId: null });
  }
  return touches;
}
