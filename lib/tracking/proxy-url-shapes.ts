/**
 * Where each webmail's image proxy carries the original image URL — and so our pixel's — in the
 * URL the sender's own browser requests when it shows a letter (research notes 2026-12-01, §2 and
 * §4). Data for the `declarativeNetRequest` rules that keep the sender's own views from reaching
 * the server, and for recognising one's own letter on screen. Pure: no browser API here.
 */
export type ProxyCarrier =
  /** After `#`: never sent to the proxy, but part of the URL the browser and DNR see. */
  | { kind: 'fragment' }
  /** A query parameter holding the URL percent-encoded (`https%3A%2F%2F…`). */
  | { kind: 'percent'; param: string }
  /**
   * Query parameters holding the URL as URL-safe base64 with `~` for padding; `withScheme` false
   * means the value encodes the URL without `https://` (the scheme is in `is_https`).
   */
  | { kind: 'base64'; params: readonly { name: string; withScheme: boolean }[] };

export interface ProxyUrlShape {
  webmail: 'gmail' | 'outlook' | 'yandex' | 'mailru';
  /** Hosts the proxied URL is requested from (exact names, or `*.` for any subdomain). */
  hosts: readonly string[];
  /** Registrable domains for DNR `requestDomains`; empty: the webmail's own origin (any host). */
  requestDomains: readonly string[];
  /** The proxied URL's path starts with one of these. */
  paths: readonly string[];
  carrier: ProxyCarrier;
  /** A proxied URL of this shape, from the sources, with the pixel `https://px.example/t/AbC.gif`. */
  example: string;
  source: string;
}

export const PROXY_URL_SHAPES: readonly ProxyUrlShape[] = [
  {
    webmail: 'gmail',
    hosts: ['*.googleusercontent.com'],
    requestDomains: ['googleusercontent.com'],
    paths: ['/meips/', '/proxy/'],
    carrier: { kind: 'fragment' },
    example: 'https://ci3.googleusercontent.com/meips/ADKq_NZ1a2b3=s0-d-e1-ft#https://px.example/t/AbC.gif',
    source: 'InboxSDK fixtures @ a8a6fe2; etucker/remove-googleusercontent-extension; Gmail DOM dumps (ids 25714260359, 36011804761)',
  },
  {
    webmail: 'outlook',
    // The proxy path is on the OWA origin itself, on-premises Exchange included.
    hosts: ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'],
    requestDomains: [],
    paths: ['/actions/ei'],
    carrier: { kind: 'percent', param: 'u' },
    example: 'https://outlook.office.com/actions/ei?u=https%3A%2F%2Fpx.example%2Ft%2FAbC.gif&d=2026-12-02T10%3A00%3A00.000Z',
    source: 'OWA content handler IMAGE_PROXY_PATH_REGEXP (id 12734259592); Set-OwaMailboxPolicy -ExternalImageProxyEnabled docs; saved OWA HTML (id 23534115454)',
  },
  {
    webmail: 'yandex',
    hosts: ['resize.yandex.net'],
    requestDomains: ['resize.yandex.net'],
    paths: ['/mailservice'],
    carrier: { kind: 'percent', param: 'url' },
    example: 'https://resize.yandex.net/mailservice?url=https%3A%2F%2Fpx.example%2Ft%2FAbC.gif&proxy=yes&key=0123456789abcdef0123456789abcdef',
    source: "saved Yandex letters; Yandex's autotest 'через кешер resize.yandex.net' (id 29373139417)",
  },
  {
    webmail: 'mailru',
    hosts: ['proxy.imgsmail.ru'],
    requestDomains: ['proxy.imgsmail.ru'],
    paths: ['/'],
    carrier: {
      kind: 'base64',
      params: [
        { name: 'url171', withScheme: false },
        { name: 'url173', withScheme: false },
        { name: 'url174', withScheme: true },
      ],
    },
    example: 'https://proxy.imgsmail.ru/?e=1765000000&email=ivan%40mail.ru&flags=0&h=abc&url173=cHguZXhhbXBsZS90L0FiQy5naWY~&is_https=1',
    source: 'saved Mail.ru letters (ids 22942547518, 33318246967, 38413702692, 14926264177), four samples decoded 2026-12-01',
  },
];

function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

/** The shape a URL has, or null for a URL that is no known proxy's. */
export function proxyShapeOf(url: URL): ProxyUrlShape | null {
  const host = url.hostname.toLowerCase();
  return (
    PROXY_URL_SHAPES.find((s) => s.hosts.some((h) => hostMatches(host, h)) && s.paths.some((p) => url.pathname.startsWith(p))) ?? null
  );
}

const BASE64_URLSAFE = /^[A-Za-z0-9_-]*~{0,2}$/;

function decodeBase64UrlSafe(value: string): string | null {
  if (!BASE64_URLSAFE.test(value) || value.length > 16_384) return null;
  try {
    const binary = atob(value.replace(/~/g, '=').replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * The original image URL a proxied one carries (the pixel URL, when it is ours), or null for a
 * URL that is not a known proxy's or cannot be decoded. Never throws.
 */
export function originalImageUrl(proxied: string): string | null {
  let url: URL;
  try {
    url = new URL(proxied);
  } catch {
    return null;
  }
  const shape = proxyShapeOf(url);
  if (shape === null) return null;
  const { carrier } = shape;
  if (carrier.kind === 'fragment') return url.hash.length > 1 ? url.hash.slice(1) : null;
  if (carrier.kind === 'percent') return url.searchParams.get(carrier.param) || null;
  for (const { name, withScheme } of carrier.params) {
    const raw = url.searchParams.get(name);
    if (raw === null) continue;
    const decoded = decodeBase64UrlSafe(raw);
    if (decoded === null) return null;
    if (withScheme) return decoded;
    return `${url.searchParams.get('is_https') === '0' ? 'http' : 'https'}://${decoded}`;
  }
  return null;
}

function base64UrlSafe(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '~');
}

/**
 * Texts that appear in a proxied URL of this shape exactly when the original URL starts with
 * `pixelPrefix` (e.g. `https://px.example/t/<senderKey>`): one DNR `urlFilter` each. For base64
 * carriers only whole 3-byte groups of the prefix are encoded, since the last group's characters
 * depend on what follows; the parameter name anchors it at the value's start.
 */
export function proxyUrlFilters(shape: ProxyUrlShape, pixelPrefix: string): string[] {
  const { carrier } = shape;
  if (carrier.kind === 'fragment') return [`#${pixelPrefix}`];
  if (carrier.kind === 'percent') return [`${carrier.param}=${encodeURIComponent(pixelPrefix)}`];
  const withoutScheme = pixelPrefix.replace(/^https?:\/\//, '');
  return carrier.params.map(({ name, withScheme }) => {
    const text = withScheme ? pixelPrefix : withoutScheme;
    const bytes = new TextEncoder().encode(text);
    return `${name}=${base64UrlSafe(bytes.slice(0, bytes.length - (bytes.length % 3)))}`;
  });
}
