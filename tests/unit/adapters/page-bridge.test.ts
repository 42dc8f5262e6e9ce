// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAmoBridge } from '../../../lib/adapters/amocrm/page-bridge';
import { parseAmoPageData } from '../../../lib/adapters/amocrm/page-data';
import { onPageData, onPageDataStop, requestPageData, stopPageData } from '../../../lib/adapters/page-data-channel';
import { fakeAmoWindow } from './fake-amo-app';

describe('amoCRM MAIN-world bridge', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete (window as unknown as { AMOCRM?: unknown }).AMOCRM;
  });

  it('publishes on start, after SPA navigation, and only when the card changed', () => {
    vi.useFakeTimers();
    const received: (string | undefined)[] = [];
    const ac = new AbortController();
    onPageData(document, ac.signal, (_s, payload) => received.push(parseAmoPageData(payload)?.cardId));
    const w = window as unknown as { AMOCRM?: unknown };
    w.AMOCRM = fakeAmoWindow('18230417').AMOCRM;
    startAmoBridge(window, ac.signal);
    expect(received).toEqual(['18230417']);

    history.pushState({}, '', '/leads/detail/18230431');
    w.AMOCRM = fakeAmoWindow('18230431').AMOCRM; // the page's router swaps the card after the URL
    vi.runAllTimers();
    expect(received).toEqual(['18230417', '18230431']);

    history.replaceState({}, '', '/leads/detail/18230431?tab=1');
    vi.runAllTimers();
    expect(received).toEqual(['18230417', '18230431']); // same card: nothing new

    // Edits are the content script's watcher's to detect: typing alone publishes nothing,
    // and the watcher's request is answered at once, within its own read.
    w.AMOCRM = fakeAmoWindow('18230440').AMOCRM;
    document.dispatchEvent(new Event('input'));
    vi.runAllTimers();
    expect(received).toEqual(['18230417', '18230431']);
    requestPageData(document);
    expect(received).toEqual(['18230417', '18230431', '18230440']);
    ac.abort();
  });

  it('takes its history hooks out when its signal aborts', () => {
    const ownPush = history.pushState;
    const ownReplace = history.replaceState;
    const ac = new AbortController();
    const received: unknown[] = [];
    onPageData(document, ac.signal, (_s, payload) => received.push(payload));
    startAmoBridge(window, ac.signal);
    expect(history.pushState).not.toBe(ownPush);
    ac.abort();
    expect(history.pushState).toBe(ownPush);
    expect(history.replaceState).toBe(ownReplace);
  });

  it('stops when the content script says it is gone (the stop event), and only passes calls through if the page wrapped it meanwhile', () => {
    vi.useFakeTimers();
    const ownPush = history.pushState;
    const ac = new AbortController();
    onPageDataStop(document, ac.signal, () => ac.abort());
    startAmoBridge(window, ac.signal);
    // The page wraps history after us: ours cannot be unhooked, so it must go quiet.
    const ours = history.pushState;
    const pageWrapper = function (this: History, ...args: Parameters<History['pushState']>) {
      return ours.apply(this, args);
    };
    history.pushState = pageWrapper;
    const received: unknown[] = [];
    const listener = new AbortController();
    onPageData(document, listener.signal, (_s, payload) => received.push(payload));
    received.length = 0;
    stopPageData(document);
    expect(ac.signal.aborted).toBe(true);
    history.pushState({}, '', '/leads/detail/77');
    vi.runAllTimers();
    expect(location.pathname).toBe('/leads/detail/77');
    expect(received).toEqual([]);
    history.pushState = ownPush;
    listener.abort();
  });

  it('keeps the page history API working', () => {
    const ac = new AbortController();
    startAmoBridge(window, ac.signal);
    history.pushState({ n: 1 }, '', '/leads/detail/5');
    expect(location.pathname).toBe('/leads/detail/5');
    expect(history.state).toEqual({ n: 1 });
    ac.abort();
  });
});
