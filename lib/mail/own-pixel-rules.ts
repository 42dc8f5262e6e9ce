import { SENDER_KEY_LENGTH } from '../tracking/pixel-token';
import { PROXY_URL_SHAPES, proxyUrlFilters } from '../tracking/proxy-url-shapes';

/** The dynamic rule ids Sufler owns (one per filter below; the range leaves room for more shapes). */
export const OWN_PIXEL_RULE_IDS = Array.from({ length: 16 }, (_, i) => 9001 + i);

export interface BlockRule {
  id: number;
  priority: number;
  action: { type: 'block' };
  condition: { urlFilter: string; resourceTypes: ['image'] };
}

/**
 * The prefix every pixel of this sender shares: `<host><path>/t/<senderKey>`, or null when the
 * URL is not a pixel URL. A colleague's pixels have another key, so their real opens are
 * never blocked here.
 */
export function ownPixelPrefix(pixelUrl: string, senderKey: string): string | null {
  let url: URL;
  try {
    url = new URL(pixelUrl);
  } catch {
    return null;
  }
  const marker = `/t/${senderKey}`;
  if (senderKey.length !== SENDER_KEY_LENGTH || !url.pathname.includes(marker)) return null;
  return `${url.host}${url.pathname.slice(0, url.pathname.indexOf(marker))}${marker}`;
}

/**
 * declarativeNetRequest rules that stop this browser fetching the sender's own pixels: opening
 * the Sent folder then fetches nothing, so no own view reaches the server. The webmails' image
 * proxies carry the original URL along (research notes §2, §4): Gmail in the fragment, which
 * the plain filter matches (DNR sees the fragment), Outlook and Yandex percent-encoded in the
 * query, which the second filter matches (urlFilter is case-blind, so `%2f` too), Mail.ru in
 * base64 (lib/tracking/proxy-url-shapes.ts).
 */
export function ownPixelRules(prefix: string, scheme: 'http' | 'https' = 'https'): BlockRule[] {
  const encoded = prefix.replace(/\//g, '%2F').replace(/:/g, '%3A');
  // Mail.ru's proxy carries the URL base64-encoded: whole 3-byte groups of the prefix match.
  const base64 = PROXY_URL_SHAPES.filter((shape) => shape.carrier.kind === 'base64').flatMap((shape) => proxyUrlFilters(shape, `${scheme}://${prefix}`));
  const filters = [...new Set([prefix, encoded, ...base64])].slice(0, OWN_PIXEL_RULE_IDS.length);
  return filters.map((urlFilter, i) => ({
    id: OWN_PIXEL_RULE_IDS[i] as number,
    priority: 1,
    action: { type: 'block' as const },
    condition: { urlFilter, resourceTypes: ['image'] as ['image'] },
  }));
}
