import { originalImageUrl } from '../tracking/proxy-url-shapes';
import { PIXEL_TOKEN_LENGTH } from '../tracking/pixel-token';

const TOKEN_IN_URL = new RegExp(`/t/([A-Za-z0-9_-]{${PIXEL_TOKEN_LENGTH}})\\.gif(?:$|[?#])`);
/** Where a webmail keeps an image's URL: src (proxied or not), Outlook's originalsrc. */
const ATTRIBUTES = ['src', 'originalsrc'] as const;
const MAX_IMAGES = 500;

/**
 * The pixel tokens of the letters shown in this page: each image's URL, webmail proxies decoded
 * back to the original (lib/tracking/proxy-url-shapes.ts), matched against the pixel path. Only
 * attribute reads, no layout; at most 500 images a pass. Whose letters they are is the
 * background's to say (only the sender's own are in its database).
 */
export function shownPixelTokens(doc: ParentNode): string[] {
  const tokens = new Set<string>();
  for (const img of Array.from(doc.querySelectorAll('img')).slice(0, MAX_IMAGES)) {
    for (const name of ATTRIBUTES) {
      const value = img.getAttribute(name);
      if (value === null || value === '') continue;
      const url = originalImageUrl(value) ?? value;
      const token = TOKEN_IN_URL.exec(url)?.[1];
      if (token !== undefined) tokens.add(token);
    }
  }
  return [...tokens];
}
