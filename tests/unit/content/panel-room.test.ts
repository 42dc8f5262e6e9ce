// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIN_FEED_PX, ROOM_CLASS, ROOM_STYLE_ID, chooseRoomMode, findFeed, reserveRoom, tryPush } from '../../../lib/content/panel-room';

afterEach(() => {
  reserveRoom(document, 0);
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/**
 * happy-dom lays nothing out, so the feed's box is given here the way a reflowing CRM moves
 * it: its left edge stays, its right edge follows the room the panel leaves.
 */
function reflowingFeed(viewport: number, left: number): HTMLElement {
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(viewport);
  document.body.innerHTML = '<div class="page"><div class="js-card-feed">Созвонились, ждут финальное КП</div></div>';
  const feed = document.querySelector<HTMLElement>('.js-card-feed')!;
  vi.spyOn(feed, 'getBoundingClientRect').mockImplementation(() => {
    const room = Number(/margin-right: (\d+)px/.exec(document.getElementById(ROOM_STYLE_ID)?.textContent ?? '')?.[1] ?? 0);
    const right = Math.max(left, viewport - room);
    return { left, right, width: right - left, top: 0, bottom: 600, height: 600, x: left, y: 0, toJSON: () => ({}) } as DOMRect;
  });
  return feed;
}

describe('panel room', () => {
  it('reserves room with one class and one style rule on the body, and gives it all back', () => {
    reserveRoom(document, 360);
    expect(document.documentElement.classList.contains(ROOM_CLASS)).toBe(true);
    expect(document.getElementById(ROOM_STYLE_ID)?.textContent).toBe(`html.${ROOM_CLASS} > body { margin-right: 360px !important; }`);
    reserveRoom(document, 400);
    expect(document.querySelectorAll(`#${ROOM_STYLE_ID}`)).toHaveLength(1);
    reserveRoom(document, 0);
    expect(document.documentElement.classList.contains(ROOM_CLASS)).toBe(false);
    expect(document.getElementById(ROOM_STYLE_ID)).toBeNull();
  });

  it('pushes the page at the width asked when the feed keeps enough room (1400 px, feed from 670 px)', () => {
    const feed = reflowingFeed(1400, 670);
    expect(tryPush(document, 360, feed, 280)).toBe(360);
    expect(document.documentElement.classList.contains(ROOM_CLASS)).toBe(true);
  });

  it('narrows a too-wide panel to what leaves the feed readable', () => {
    const feed = reflowingFeed(1400, 670);
    // 1400 − 670 − 240 = 490 px at the most.
    expect(tryPush(document, 600, feed, 280)).toBe(490);
    expect(feed.getBoundingClientRect().width).toBe(MIN_FEED_PX);
  });

  it('gives the room back when not even the narrowest panel fits (1024 px)', () => {
    const feed = reflowingFeed(1024, 670);
    expect(tryPush(document, 360, feed, 280)).toBe(0);
    expect(document.documentElement.classList.contains(ROOM_CLASS)).toBe(false);
  });

  it('does not push a layout that does not reflow: the feed stays under the panel', () => {
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1400);
    document.body.innerHTML = '<div class="js-card-feed"></div>';
    const feed = document.querySelector('.js-card-feed')!;
    // A fixed-width CRM: the feed spans 900–1400 whatever the body's margin.
    vi.spyOn(feed, 'getBoundingClientRect').mockReturnValue({ left: 900, right: 1400, width: 500, top: 0, bottom: 1, height: 1, x: 900, y: 0, toJSON: () => ({}) } as DOMRect);
    // The margin moves nothing: at 280 px only 220 px of the feed would show, so no push.
    expect(tryPush(document, 360, feed, 280)).toBe(0);
    expect(document.documentElement.classList.contains(ROOM_CLASS)).toBe(false);
  });

  it('without a known feed, keeps 720 px for the page', () => {
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1000);
    expect(tryPush(document, 360, null, 280)).toBe(280);
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(900);
    expect(tryPush(document, 360, null, 280)).toBe(0);
  });

  it('finds the feed by the first selector that matches, and survives a broken selector', () => {
    document.body.innerHTML = '<div class="card-holder__feed"></div>';
    expect(findFeed(document, ['::bogus((', '.js-card-feed', '.card-holder__feed'])?.className).toBe('card-holder__feed');
    expect(findFeed(document, undefined)).toBeNull();
  });

  it('chooses: folded by hand → collapsed; fits → push; otherwise the tab, or over the page once opened from it', () => {
    expect(chooseRoomMode({ collapsed: true, overlayWanted: true, pushFits: true })).toBe('collapsed');
    expect(chooseRoomMode({ collapsed: false, overlayWanted: true, pushFits: true })).toBe('push');
    expect(chooseRoomMode({ collapsed: false, overlayWanted: false, pushFits: false })).toBe('tab');
    expect(chooseRoomMode({ collapsed: false, overlayWanted: true, pushFits: false })).toBe('overlay');
  });
});
