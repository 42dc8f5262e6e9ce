import { originalImageUrl } from '../../tracking/proxy-url-shapes';
import { normaliseSpace, queryAllOf, queryOrNull } from '../dom-lookup';

/**
 * A letter shown open in a webmail (a thread shows several). The sender-view report needs two
 * facts from it: whose letter it is (`from`) and which images it loads (`imageUrls`, proxied
 * URLs decoded back to the originals), since a letter holding one of the user's own pixels is
 * the user's own letter — in the Sent folder, in a thread or in search, in any UI language.
 */
export interface OpenLetter {
  root: Element;
  from: string | null;
  subject: string;
  imageUrls: string[];
}

export interface OpenLetterSelectors {
  /** One element per letter shown. */
  letter: readonly string[];
  /** Inside a letter: the element carrying the sender's address, and the attributes holding it. */
  from: readonly string[];
  fromAttributes: readonly string[];
  /** The subject: inside the letter first, else in the document (a thread has one subject). */
  subject: readonly string[];
  /** Attributes of an image that may hold its URL, in order (Outlook keeps `originalsrc`). */
  imageAttributes: readonly string[];
}

const MAX_IMAGES = 200;

/** Each image's original URL: proxies decoded, direct URLs as they are; at most 200 per letter. */
function imageUrls(letter: Element, attributes: readonly string[]): string[] {
  const out: string[] = [];
  for (const img of Array.from(letter.querySelectorAll('img')).slice(0, MAX_IMAGES)) {
    for (const name of attributes) {
      const value = img.getAttribute(name);
      if (value === null || value === '') continue;
      const original = originalImageUrl(value) ?? (/^https?:\/\//i.test(value) ? value : null);
      if (original !== null) out.push(original);
      break;
    }
  }
  return out;
}

function fromOf(letter: Element, spec: OpenLetterSelectors): string | null {
  const el = queryOrNull(letter, spec.from);
  for (const name of spec.fromAttributes) {
    const value = name === 'textContent' ? el?.textContent : el?.getAttribute(name);
    const address = normaliseSpace(value).toLowerCase();
    if (/^[^\s@]+@[^\s@]+$/.test(address)) return address;
  }
  return null;
}

/** Every letter shown open in the document; none (not a throw) for a page without one. */
export function readOpenLetters(doc: ParentNode, spec: OpenLetterSelectors): OpenLetter[] {
  const pageSubject = normaliseSpace(queryOrNull(doc, spec.subject)?.textContent);
  return queryAllOf(doc, spec.letter).map((root) => ({
    root,
    from: fromOf(root, spec),
    subject: normaliseSpace(queryOrNull(root, spec.subject)?.textContent) || pageSubject,
    imageUrls: imageUrls(root, spec.imageAttributes),
  }));
}

/**
 * The open letters that are the user's own: sent from one of `ownAddresses`, or loading a pixel
 * whose URL starts with `pixelPrefix` (the user's `<server>/t/<senderKey>`).
 */
export function ownOpenLetters(letters: readonly OpenLetter[], own: { addresses: readonly string[]; pixelPrefix: string | null }): OpenLetter[] {
  const addresses = new Set(own.addresses.map((a) => a.toLowerCase()));
  return letters.filter(
    (l) => (l.from !== null && addresses.has(l.from)) || (own.pixelPrefix !== null && own.pixelPrefix !== '' && l.imageUrls.some((u) => u.startsWith(own.pixelPrefix!))),
  );
}
