// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { shownPixelTokens } from '../../../lib/mail/shown-pixels';

const T1 = `AbCd_-12${'a'.repeat(32)}`;
const T2 = `ZyXw9876${'b'.repeat(32)}`;
const T3 = `QwEr5678${'c'.repeat(32)}`;
const px = (t: string) => `https://sufler.example/t/${t}.gif`;
const b64 = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '~');

describe('pixels shown in a webmail page', () => {
  it('finds them directly and through each proxy shape, once each, and nothing else', () => {
    document.body.innerHTML = `
      <div class="a3s"><img src="https://ci3.googleusercontent.com/meips/ADKq=s0-d-e1-ft#${px(T1)}"><img src="${px(T1)}"></div>
      <img originalsrc="${px(T2)}" src="https://outlook.live.com/actions/ei?u=${encodeURIComponent(px(T2))}">
      <img src="https://proxy.imgsmail.ru/?email=x%40mail.ru&url173=${b64(px(T3).slice(8))}&is_https=1">
      <img src="https://sufler.example/t/short.gif"><img src="https://cdn.example/logo.png"><img>`;
    expect(shownPixelTokens(document).sort()).toEqual([T1, T2, T3].sort());
  });
});
