// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAmoBridge } from '../../../lib/adapters/amocrm/page-bridge';
import { parseAmoPageData } from '../../../lib/adapters/amocrm/page-data';
import { onPageData } from '../../../lib/adapters/page-data-channel';
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

    document.dispatchEvent(new Event('input'));
    w.AMOCRM = fakeAmoWindow('18230440').AMOCRM;
    vi.runAllTimers();
    expect(received).toEqual(['18230417', '18230431', '18230440']); // typing in the form republishes
    ac.abort();
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
