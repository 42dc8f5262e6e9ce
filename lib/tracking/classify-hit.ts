import { COUNTED_CLASSES, type HitClass } from './hit-classes';

/**
 * Bumped whenever a rule changes, and stored with every hit, so hits classified by an older
 * version can be found and classified again from their stored facts.
 */
export const CLASSIFIER_VERSION = 1;

/** A hit closer than this to a sender view the extension reported is that view. */
export const SENDER_VIEW_WINDOW_MS = 30_000;
/** Nobody reads a letter this soon after sending; security gateways fetch exactly then. */
export const TOO_SOON_AFTER_SENDING_MS = 10_000;

/** Networks of webmail image proxies, named from the request's address when it arrives. */
export type ProviderNetwork = 'google' | 'yandex' | 'mailru';

/** What is known about one request for a pixel (all kept, so a hit can be re-classified). */
export interface HitFacts {
  /** Server time, epoch ms. */
  at: number;
  userAgent: string;
  /** The proxy network the address belongs to, or null for any other address. */
  network: ProviderNetwork | null;
  /** HMAC of the address under the server's secret. */
  ipHash: string;
}

/** What is known about the letter and its sender when the hit is classified. */
export interface LetterFacts {
  /** When the server registered the letter (the send), epoch ms. */
  sentAt: number;
  /** When the sender's extension reported showing them this letter, epoch ms. */
  senderViews: readonly number[];
  /** Hashed addresses of the sender's own recent authenticated requests. */
  senderIpHashes: readonly string[];
}

export interface Classification {
  class: HitClass;
  counted: boolean;
  reason: string;
  classifierVersion: number;
}

interface UaRule {
  test: RegExp;
  name: string;
}

// Image proxies of webmails: each fetch is someone opening the letter in that webmail.
const PROXY_AGENTS: readonly UaRule[] = [
  { test: /GoogleImageProxy/, name: "Gmail's image proxy" },
  { test: /YahooMailProxy/, name: "Yahoo Mail's image proxy" },
  { test: /YandexImageResizer/, name: "Yandex's image proxy" },
  { test: /hey\.com\/imageproxy/, name: "HEY's image proxy" },
];

// Fetches no person caused: Gmail's prefetch bot, security gateways, scripts and crawlers.
const AUTOMATED_AGENTS: readonly UaRule[] = [
  { test: /Chrome\/42\.0\.2311\.135 Safari\/537\.36 Edge\/12\.246/, name: "Gmail's prefetch of unread letters" },
  { test: /Barracuda/i, name: 'the Barracuda security scanner' },
  { test: /Mimecast/i, name: 'the Mimecast link protection scanner' },
  { test: /Proofpoint/i, name: 'the Proofpoint security scanner' },
  { test: /HeadlessChrome/, name: 'a headless browser' },
  { test: /^(curl|Wget|python-requests|python-urllib|Go-http-client|libwww-perl|Java)\b/i, name: 'a script' },
  { test: /(?:bot|spider|crawler)\/\d/i, name: 'a robot' },
];

// Mail.ru's proxy sends an old desktop Chrome agent; the address is the stronger sign.
const MAILRU_PROXY_AGENT = /^Mozilla\/5\.0 \(X11; Linux x86_64\) AppleWebKit\/537\.36 \(KHTML, like Gecko\) Chrome\/32\.0\.1700\.2 Safari\/537\.36$/;

const NETWORK_NAMES: Record<ProviderNetwork, string> = {
  google: "Gmail's image proxy",
  yandex: "Yandex Mail's image proxy",
  mailru: "Mail.ru's image proxy",
};

function result(cls: HitClass, reason: string): Classification {
  return { class: cls, counted: COUNTED_CLASSES.has(cls), reason, classifierVersion: CLASSIFIER_VERSION };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * Decides what one pixel hit was. Pure: the same facts give the same answer, so stored hits
 * can be classified again when the rules change. Order matters: the sender's own views first
 * (never counted), then automated fetches, then Apple's prefetch, then the sender's address,
 * and only then proxies and people, which count as opens.
 */
export function classifyHit(hit: HitFacts, letter: LetterFacts): Classification {
  const view = letter.senderViews.find((v) => Math.abs(hit.at - v) <= SENDER_VIEW_WINDOW_MS);
  if (view !== undefined) {
    return result('sender_view', `the sender's Sufler reported showing them this letter ${seconds(Math.abs(hit.at - view))} ${hit.at >= view ? 'before' : 'after'} this request`);
  }
  const ua = hit.userAgent.trim();
  if (ua === '') return result('scanner', 'no user agent: an automated fetch');
  const automated = AUTOMATED_AGENTS.find((r) => r.test.test(ua));
  if (automated !== undefined) return result('scanner', `user agent of ${automated.name}`);
  const sinceSent = hit.at - letter.sentAt;
  if (sinceSent < TOO_SOON_AFTER_SENDING_MS) {
    return result('scanner', `fetched ${seconds(Math.max(0, sinceSent))} after sending: too soon for a reader, as security gateways do`);
  }
  if (ua === 'Mozilla/5.0') {
    return result('apple_mpp', 'the bare "Mozilla/5.0" agent of Apple Mail Privacy Protection: the letter reached an Apple Mail user, who may not have read it');
  }
  if (letter.senderIpHashes.includes(hit.ipHash)) {
    return result('probably_sender', "from the same address as the sender's own Sufler: probably the sender");
  }
  const proxy = PROXY_AGENTS.find((r) => r.test.test(ua));
  if (proxy !== undefined) return result('provider_proxy', `${proxy.name} fetched it for a reader`);
  if (hit.network !== null) return result('provider_proxy', `${NETWORK_NAMES[hit.network]} (by address) fetched it for a reader`);
  if (MAILRU_PROXY_AGENT.test(ua)) return result('provider_proxy', "the agent Mail.ru's image proxy uses fetched it for a reader");
  return result('person', 'a mail client or browser fetched it directly');
}
