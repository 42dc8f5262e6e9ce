import { queryOrNull } from '../dom-lookup';
import { AMO_FEED } from './feed-selectors';
import { AMO } from './selectors';

/**
 * Put a note's text into amoCRM's own composer under the feed, for the manager to confirm
 * with the CRM's "Add" button: the CRM then records the note itself. The note form is a
 * contenteditable; amoCRM's control copies its text into the hidden input on `input` and
 * enables the button (interface/controls/contenteditable, bundle 2025-07), so we type the
 * way a user's paste would arrive. Returns false when the card has no composer.
 */
export function fillAmoNoteComposer(doc: Document, text: string): boolean {
  const feed = queryOrNull(doc, AMO.feed) ?? doc;
  const composer = queryOrNull(feed, AMO_FEED.composer);
  if (composer === null) return false;
  if (composer.classList.contains(AMO_FEED.composerMinimizedClass)) queryOrNull(composer, AMO_FEED.composerOpen)?.click();
  // The composer may be on chat or task; the note form appears after the switch.
  let area = queryOrNull(composer, AMO_FEED.noteArea);
  if (area === null || !isNoteMode(composer)) {
    queryOrNull(composer, AMO_FEED.switchToNote)?.click();
    area = queryOrNull(composer, AMO_FEED.noteArea);
  }
  if (area === null) return false;
  area.focus();
  area.textContent = text;
  area.dispatchEvent(new Event('input', { bubbles: true }));
  area.scrollIntoView?.({ block: 'nearest' });
  return true;
}

/** The switcher's hidden input names the current type; without one the form shown is the note. */
function isNoteMode(composer: Element): boolean {
  const value = composer.querySelector<HTMLInputElement>('input[name="feed-compose-switcher"]')?.value;
  return value === undefined || value === '' || value === 'note';
}
