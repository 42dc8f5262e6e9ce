import { describe, expect, it } from 'vitest';
import { CLASSIFIER_VERSION, classifyHit, SENDER_VIEW_WINDOW_MS, type HitFacts, type LetterFacts } from '../../../lib/tracking/classify-hit';
import type { HitClass } from '../../../lib/tracking/hit-classes';

const SENT = 1_790_000_000_000;
const MINUTE = 60_000;

interface Sample {
  label: string;
  hit: Partial<HitFacts>;
  letter?: Partial<LetterFacts>;
  expected: HitClass;
  /** Where the user agent, address or timing comes from. */
  source: string;
}

/**
 * A labelled set: real user agents and timings, each with the public source it was taken from
 * (as collected in the project's research notes, 2026-12-01). Hits are an hour after the send
 * unless the sample is about timing.
 */
const SAMPLES: Sample[] = [
  {
    label: 'Gmail image proxy: a Gmail reader opened it',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', network: 'google' },
    expected: 'provider_proxy',
    source: 'SendGrid and Mailgun open-webhook samples; github.com/gotempsh/temps pull 57 ("via ggpht.com GoogleImageProxy"); Supme/gonder models/campaign.go',
  },
  {
    label: 'Gmail prefetch bot right after delivery',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0', network: 'google', at: SENT + 3_000 },
    expected: 'scanner',
    source: 'SparkPost/Bird "Update on the Gmail App Prefetching Images", 2022-01-25 (bird.com/en-gb/blog/gmail-prefetching-images): this exact agent, from Google addresses, false opens',
  },
  {
    label: 'Gmail prefetch bot even an hour later (unread thread)',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/42.0.2311.135 Safari/537.36 Edge/12.246 Mozilla/5.0', network: 'google' },
    expected: 'scanner',
    source: 'SparkPost/Bird 2022-01-25: prefetch happens once per unread thread, whenever the recipient has a session open',
  },
  {
    label: 'Apple Mail Privacy Protection prefetch',
    hit: { userAgent: 'Mozilla/5.0' },
    expected: 'apple_mpp',
    source: 'spamresource.com 2022-02 and ClickDimensions help: MPP requests carry exactly "Mozilla/5.0"; SocketLabs help: fetched when Mail syncs, opened or not',
  },
  {
    label: 'Yahoo Mail proxy',
    hit: { userAgent: 'YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html' },
    expected: 'provider_proxy',
    source: 'help.yahoo.com kb SLN28749, the agent names it; listed by several tracker UA lists',
  },
  {
    label: 'Mail.ru image proxy, known agent and address',
    hit: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.2 Safari/537.36', network: 'mailru' },
    expected: 'provider_proxy',
    source: 'Supme/gonder models/campaign.go: proxy.imgsmail.ru agent and ranges 188.93.56.0/24, 185.30.176.0/23',
  },
  {
    label: 'Mail.ru image proxy agent from an address not yet on the list',
    hit: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/32.0.1700.2 Safari/537.36' },
    expected: 'provider_proxy',
    source: 'Supme/gonder models/campaign.go (agent)',
  },
  {
    label: 'Yandex image resizer by address',
    hit: { userAgent: 'Mozilla/5.0 (compatible; YandexImageResizer/2.0; +http://yandex.com/bots)', network: 'yandex' },
    expected: 'provider_proxy',
    source: 'yandex.com/ips (ranges); YandexImageResizer/2.0 is a documented Yandex robot that resize.yandex.net mail images go through',
  },
  {
    label: 'Yandex address with an unknown agent',
    hit: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', network: 'yandex' },
    expected: 'provider_proxy',
    source: 'yandex.com/ips 5.255.192.0/18 etc.; Yandex autotests assert mail images go through resize.yandex.net',
  },
  {
    label: 'HEY image proxy',
    hit: { userAgent: 'hey.com/imageproxy Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36' },
    expected: 'provider_proxy',
    source: 'hey.com/image-proxy',
  },
  {
    label: 'Barracuda security scanner',
    hit: { userAgent: 'Barracuda Sentinel (EE)' },
    expected: 'scanner',
    source: 'Braze docs "bot clicks"; GMass-derived bot lists',
  },
  {
    label: 'Mimecast link protection',
    hit: { userAgent: 'Mimecast-Link-Protect/1.0' },
    expected: 'scanner',
    source: 'research notes §3: Mimecast-Link-Protect (one source)',
  },
  {
    label: 'a script fetching the pixel',
    hit: { userAgent: 'python-requests/2.31.0' },
    expected: 'scanner',
    source: 'generic HTTP client agents: no mail client sends these',
  },
  {
    label: 'a crawler',
    hit: { userAgent: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' },
    expected: 'scanner',
    source: 'bing.com/webmasters: bingbot agent',
  },
  {
    label: 'no user agent at all',
    hit: { userAgent: '' },
    expected: 'scanner',
    source: 'check.live-direct-marketing.online on Apple Mail v16 (2026): automated prefetches with empty agents; a person\'s client always sends one',
  },
  {
    label: 'a desktop browser seconds after sending (security gateway detonation)',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36', at: SENT + 4_000 },
    expected: 'scanner',
    source: 'research notes §3: Safe Links / Defender and gateways fetch from their own addresses before any human; Outsolvi-style 5 s windows',
  },
  {
    label: 'the Gmail proxy seconds after sending is not yet a reader',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', at: SENT + 2_000 },
    expected: 'scanner',
    source: 'SparkPost/Bird 2022-01-25: Google-side fetches right at delivery are prefetches',
  },
  {
    label: 'Outlook desktop downloading images on request',
    hit: { userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)' },
    expected: 'person',
    source: 'research notes §3: Outlook desktop fetches when the user downloads images; do not discard (GMass lists call it a bot)',
  },
  {
    label: 'Thunderbird reading directly',
    hit: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.3.0' },
    expected: 'person',
    source: 'a mail client fetching from the reader\'s own address',
  },
  {
    label: 'the sender viewing their Sent copy through Gmail (reported by their Sufler)',
    hit: { userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', network: 'google', at: SENT + 30 * MINUTE + 1_500 },
    letter: { senderViews: [SENT + 30 * MINUTE] },
    expected: 'sender_view',
    source: 'GMass "Why your Gmail open tracking statistics may be skewed": opening one\'s own Sent message loads the pixel through the proxy',
  },
  {
    label: 'the sender on another device, same office address',
    hit: { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', ipHash: 'office' },
    letter: { senderIpHashes: ['office'] },
    expected: 'probably_sender',
    source: 'Apollo help: compares the opener\'s address with the sender\'s last one',
  },
];

function facts(sample: Sample): [HitFacts, LetterFacts] {
  return [
    { at: SENT + 60 * MINUTE, userAgent: '', network: null, ipHash: 'reader', ...sample.hit },
    { sentAt: SENT, senderViews: [], senderIpHashes: [], ...sample.letter },
  ];
}

describe('classifyHit on a labelled set', () => {
  it.each(SAMPLES)('$label → $expected', (sample) => {
    const verdict = classifyHit(...facts(sample));
    expect(sample.source.length).toBeGreaterThan(10);
    expect(verdict.class).toBe(sample.expected);
    expect(verdict.counted).toBe(sample.expected === 'provider_proxy' || sample.expected === 'person');
    expect(verdict.classifierVersion).toBe(CLASSIFIER_VERSION);
    expect(verdict.reason.length).toBeGreaterThan(15);
  });

  it('covers every class', () => {
    expect(new Set(SAMPLES.map((s) => s.expected))).toEqual(new Set(['sender_view', 'probably_sender', 'provider_proxy', 'scanner', 'apple_mpp', 'person']));
  });
});

describe('classifyHit rules', () => {
  const proxy: HitFacts = { at: SENT + 60 * MINUTE, userAgent: 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)', network: 'google', ipHash: 'g' };
  const letter: LetterFacts = { sentAt: SENT, senderViews: [], senderIpHashes: [] };

  it('a sender view counts on both sides of the hit, up to the window and not past it', () => {
    for (const offset of [-SENDER_VIEW_WINDOW_MS, -1, 0, 1, SENDER_VIEW_WINDOW_MS]) {
      expect(classifyHit(proxy, { ...letter, senderViews: [proxy.at + offset] }).class).toBe('sender_view');
    }
    for (const offset of [-SENDER_VIEW_WINDOW_MS - 1, SENDER_VIEW_WINDOW_MS + 1]) {
      expect(classifyHit(proxy, { ...letter, senderViews: [proxy.at + offset] }).class).toBe('provider_proxy');
    }
  });

  it('the sender view wins over every other sign, and the reason says when it was reported', () => {
    const verdict = classifyHit({ ...proxy, userAgent: 'Mozilla/5.0' }, { ...letter, senderViews: [proxy.at - 2_000] });
    expect(verdict.class).toBe('sender_view');
    expect(verdict.reason).toContain('2 s');
  });

  it('is the same for the same facts (stored hits can be classified again)', () => {
    expect(classifyHit(proxy, letter)).toEqual(classifyHit({ ...proxy }, { ...letter }));
  });

  it('a hit dated before the send (clock skew) is too soon, not an open', () => {
    expect(classifyHit({ ...proxy, at: SENT - 5_000 }, letter)).toMatchObject({ class: 'scanner', counted: false });
  });

  it('does not take a phone brand or a long hostile agent for something it is not', () => {
    const cubot = 'Mozilla/5.0 (Linux; Android 12; Cubot X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36';
    expect(classifyHit({ ...proxy, userAgent: cubot, network: null }, letter).class).toBe('person');
    expect(classifyHit({ ...proxy, userAgent: `${'a'.repeat(100_000)}\u0000\uD800`, network: null }, letter).class).toBe('person');
  });
});
