import { describe, expect, it } from 'vitest';
import { ownPixelPrefix, ownPixelRules } from '../../../lib/mail/own-pixel-rules';

const KEY = 'AbCd_-12';
const PIXEL = `https://sufler.example.com/t/${KEY}${'x'.repeat(32)}.gif`;

const b64 = (text: string) => Buffer.from(text).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '~');

/** DNR's urlFilter without anchors or wildcards is a case-blind substring match. */
const blocks = (filter: string, url: string) => url.toLowerCase().includes(filter.toLowerCase());

describe("the rules blocking the sender's own pixels", () => {
  it('match the pixel directly and through each webmail proxy shape of the research notes', () => {
    const prefix = ownPixelPrefix(PIXEL, KEY);
    expect(prefix).toBe(`sufler.example.com/t/${KEY}`);
    const filters = ownPixelRules(prefix!).map((r) => r.condition.urlFilter);
    const shown = [
      PIXEL,
      // Gmail: the original URL in the fragment.
      `https://ci3.googleusercontent.com/meips/ADKq_Nb=s0-d-e1-ft#${PIXEL}`,
      // Outlook and Yandex: percent-encoded in the query (either case of hex digits).
      `https://outlook.live.com/actions/ei?u=${encodeURIComponent(PIXEL)}&d=2026-12-02T10:00:00Z`,
      `https://resize.yandex.net/mailservice?url=${encodeURIComponent(PIXEL).toLowerCase()}&proxy=yes&key=0123`,
      // Mail.ru: URL-safe base64 of the URL without its scheme (url173) or with it (url174).
      `https://proxy.imgsmail.ru/?e=1&email=x%40mail.ru&flags=0&h=ab&url173=${b64(PIXEL.slice(8))}&is_https=1`,
      `https://proxy.imgsmail.ru/?email174=x%40mail.ru&message_id=1&url174=${b64(PIXEL)}`,
    ];
    for (const url of shown) expect(filters.some((f) => blocks(f, url)), url).toBe(true);
  });

  it("never match a colleague's pixel on the same server", () => {
    const filters = ownPixelRules(ownPixelPrefix(PIXEL, KEY)!).map((r) => r.condition.urlFilter);
    const colleague = `https://sufler.example.com/t/ZyXw9876${'x'.repeat(32)}.gif`;
    for (const url of [colleague, `https://ci3.googleusercontent.com/meips/A=s0#${colleague}`, `https://outlook.live.com/actions/ei?u=${encodeURIComponent(colleague)}`, `https://proxy.imgsmail.ru/?url174=${b64(colleague)}`]) {
      expect(filters.some((f) => blocks(f, url)), url).toBe(false);
    }
  });

  it('keep the server’s path and port, and refuse what is not a pixel URL of that key', () => {
    expect(ownPixelPrefix(`http://127.0.0.1:8787/sufler/t/${KEY}${'y'.repeat(32)}.gif`, KEY)).toBe(`127.0.0.1:8787/sufler/t/${KEY}`);
    expect(ownPixelPrefix('not a url', KEY)).toBeNull();
    expect(ownPixelPrefix(PIXEL, 'short')).toBeNull();
    expect(ownPixelPrefix(PIXEL, 'ZyXw9876')).toBeNull();
  });
});
