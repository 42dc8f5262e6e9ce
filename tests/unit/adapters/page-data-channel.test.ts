// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  onPageData,
  onPageDataRequest,
  PAGE_DATA_EVENT,
  parsePageDataDetail,
  sendPageData,
} from '../../../lib/adapters/page-data-channel';

describe('page-data channel', () => {
  it('delivers what the MAIN world sends, as a JSON string detail', () => {
    const seen: [string, unknown][] = [];
    const spy = vi.fn((e: Event) => expect(typeof (e as CustomEvent).detail).toBe('string'));
    document.addEventListener(PAGE_DATA_EVENT, spy);
    const ac = new AbortController();
    onPageData(document, ac.signal, (source, payload) => seen.push([source, payload]));
    sendPageData(document, 'amocrm', { cardId: '1', list: [1, 2] });
    expect(seen).toEqual([['amocrm', { cardId: '1', list: [1, 2] }]]);
    expect(spy).toHaveBeenCalledTimes(1);
    document.removeEventListener(PAGE_DATA_EVENT, spy);
    ac.abort();
  });

  it('ignores forged or malformed events and stops on abort', () => {
    const cb = vi.fn();
    const ac = new AbortController();
    onPageData(document, ac.signal, cb);
    for (const detail of ['{not json', '[1,2]', '"str"', JSON.stringify({ payload: 1 }), JSON.stringify({ source: '' }), { source: 'amocrm', payload: 1 }, null]) {
      document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail }));
    }
    expect(cb).not.toHaveBeenCalled();
    ac.abort();
    sendPageData(document, 'amocrm', {});
    expect(cb).not.toHaveBeenCalled();
  });

  it('asks the bridge for a fresh snapshot when it starts listening', () => {
    const bridge = new AbortController();
    const answer = vi.fn(() => sendPageData(document, 'amocrm', { late: false }));
    onPageDataRequest(document, bridge.signal, answer);
    const got = vi.fn();
    const listener = new AbortController();
    onPageData(document, listener.signal, got);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(got).toHaveBeenCalledWith('amocrm', { late: false });
    bridge.abort();
    listener.abort();
  });

  it('parses only well-formed envelopes', () => {
    expect(parsePageDataDetail(JSON.stringify({ source: 's', payload: null }))).toEqual({ source: 's', payload: null });
    expect(parsePageDataDetail('x'.repeat(1_000_001))).toBeNull();
  });
});
