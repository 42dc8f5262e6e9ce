import { describe, expect, it } from 'vitest';
import { originalImageUrl, PROXY_URL_SHAPES, proxyShapeOf, proxyUrlFilters } from '../../../lib/tracking/proxy-url-shapes';

const PIXEL = 'https://px.example/t/AbC.gif';

describe('webmail image proxies that carry our pixel URL', () => {
  it('decodes each shape’s example back to the pixel URL', () => {
    for (const shape of PROXY_URL_SHAPES) {
      expect(proxyShapeOf(new URL(shape.example))?.webmail).toBe(shape.webmail);
      expect(originalImageUrl(shape.example)).toBe(PIXEL);
    }
  });

  it('gives DNR filters that occur in a proxied URL of the sender’s pixels and not of a colleague’s', () => {
    const mine = 'https://px.example/t/SeNdEr01';
    const myPixel = `${mine}LetterPart0123456789abcdefghijklmn.gif`;
    const colleague = 'https://px.example/t/OtHeR999LetterPart0123456789abcdefghijklmn.gif';
    const proxied = (pixel: string): Record<string, string> => ({
      gmail: `https://ci5.googleusercontent.com/meips/ADKq_Nb=s0-d-e1-ft#${pixel}`,
      outlook: `https://outlook.live.com/actions/ei?u=${encodeURIComponent(pixel)}&d=2026-12-02T10%3A00%3A00Z`,
      yandex: `https://resize.yandex.net/mailservice?url=${encodeURIComponent(pixel)}&proxy=yes&key=00`,
      mailru: `https://proxy.imgsmail.ru/?e=1&email=a%40mail.ru&url173=${Buffer.from(pixel.slice(8)).toString('base64url')}&is_https=1`,
    });
    for (const shape of PROXY_URL_SHAPES) {
      const filters = proxyUrlFilters(shape, mine);
      expect(filters.length).toBeGreaterThan(0);
      const lower = (s: string): string => s.toLowerCase(); // DNR urlFilter is case-insensitive by default
      expect(filters.some((f) => lower(proxied(myPixel)[shape.webmail]!).includes(lower(f)))).toBe(true);
      expect(filters.some((f) => lower(proxied(colleague)[shape.webmail]!).includes(lower(f)))).toBe(false);
    }
  });

  it('reads nothing from other URLs and never throws on hostile ones', () => {
    for (const url of ['', 'not a url', 'https://example.com/a.gif#https://px.example/t/x.gif', 'https://proxy.imgsmail.ru/?url173=%%%', 'https://proxy.imgsmail.ru/?url173=////', `https://resize.yandex.net/mailservice?url=${'a'.repeat(1 << 20)}\u0000`, 'https://ci3.googleusercontent.com/meips/x']) {
      expect(() => originalImageUrl(url)).not.toThrow();
    }
    expect(originalImageUrl('https://example.com/a.gif#https://px.example/t/x.gif')).toBeNull();
    expect(originalImageUrl('https://proxy.imgsmail.ru/?url173=////')).toBeNull();
    expect(originalImageUrl('https://ci3.googleusercontent.com/meips/x')).toBeNull();
    expect(originalImageUrl('https://proxy.imgsmail.ru/?url174=aHR0cDovL3B4LmV4YW1wbGUvdC9BYkMuZ2lm')).toBe('http://px.example/t/AbC.gif');
  });
});
