// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAmoBridge } from '../../../lib/adapters/amocrm/page-bridge';
import { onFirstPageDataRequest, onPageData } from '../../../lib/adapters/page-data-channel';
import { afterPageLoad, whenIdle, type LoadableWindow } from '../../../lib/content/after-page-load';
import { loadContentMain, registerContentMain } from '../../../lib/content/content-main-handoff';
import { createFrameUi } from '../../../lib/content/frame-ui';
import { fakeAmoWindow } from '../adapters/fake-amo-app';

/** A window whose load state, timers and idle callbacks the test drives. */
function fakeWindow(readyState: DocumentReadyState) {
  const load = new EventTarget();
  const timers: (() => void)[] = [];
  const idle: { run: () => void; timeout: number | undefined }[] = [];
  const win: LoadableWindow = {
    document: { readyState },
    addEventListener: load.addEventListener.bind(load) as Window['addEventListener'],
    setTimeout: ((fn: () => void) => timers.push(fn)) as unknown as Window['setTimeout'],
    requestIdleCallback: ((fn: () => void, opts?: IdleRequestOptions) => idle.push({ run: fn, timeout: opts?.timeout })) as unknown as Window['requestIdleCallback'],
  };
  const drain = () => {
    while (timers.length) timers.shift()!();
  };
  return { win, load, timers, idle, drain };
}

describe('the boot stub waits for the page', () => {
  it('starts only after the load event, on a task after it', () => {
    const w = fakeWindow('interactive');
    const start = vi.fn();
    afterPageLoad(w.win, new AbortController().signal, start);
    w.drain();
    expect(start).not.toHaveBeenCalled(); // still loading
    w.load.dispatchEvent(new Event('load'));
    expect(start).not.toHaveBeenCalled(); // not inside the page's own load dispatch
    w.drain();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts on a page that has loaded already, and never once torn down', () => {
    const w = fakeWindow('complete');
    const ac = new AbortController();
    const start = vi.fn();
    afterPageLoad(w.win, ac.signal, start);
    ac.abort();
    w.drain();
    expect(start).not.toHaveBeenCalled();
  });
});

describe('work put in the page\'s idle time', () => {
  it('runs at the first idle moment, with a deadline, and not once torn down', () => {
    const w = fakeWindow('complete');
    const ac = new AbortController();
    const run = vi.fn();
    whenIdle(w.win, ac.signal, run, 150);
    whenIdle(w.win, ac.signal, run, 150);
    expect(w.idle.map((i) => i.timeout)).toEqual([150, 150]);
    w.idle[0]!.run();
    expect(run).toHaveBeenCalledTimes(1);
    ac.abort();
    w.idle[1]!.run();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('falls back to a timer where the browser has no idle callbacks', () => {
    const w = fakeWindow('complete');
    delete w.win.requestIdleCallback;
    const run = vi.fn();
    whenIdle(w.win, new AbortController().signal, run, 150);
    w.drain();
    expect(run).toHaveBeenCalledTimes(1);
  });
});

describe('the hand-over from the stub to the imported rest', () => {
  it('returns the function the imported file registered in this world', async () => {
    const world = {};
    const main = vi.fn();
    const loaded = await loadContentMain('chrome-extension://x/crm-main.js', async () => registerContentMain(main, world), world);
    expect(loaded).toBe(main);
  });

  it('fails loudly (for the stub to catch) when the file registered nothing or did not load', async () => {
    await expect(loadContentMain('chrome-extension://x/crm-main.js', async () => undefined, {})).rejects.toThrow(/registered no content main/);
    await expect(
      loadContentMain('chrome-extension://x/crm-main.js', () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), {}),
    ).rejects.toThrow(/Failed to fetch/);
  });
});

describe('the panel frame', () => {
  afterEach(() => document.body.replaceChildren());

  it('is styled before it is attached, navigates to the page it was given, and leaves with the content script', () => {
    let teardown: (() => void) | undefined;
    const attachedAtMount: boolean[] = [];
    const ui = createFrameUi(document, {
      src: 'chrome-extension://abc/panel.html',
      anchor: () => document.body,
      onMount: (wrapper) => {
        attachedAtMount.push(wrapper.isConnected);
        wrapper.setAttribute('data-sufler-panel', '');
      },
      onInvalidated: (cb) => {
        teardown = cb;
      },
    });
    expect(ui.iframe.src).toBe('chrome-extension://abc/panel.html');
    expect(document.querySelector('[data-sufler-panel]')).toBeNull();
    ui.mount();
    expect(attachedAtMount).toEqual([false]);
    expect(document.querySelector('[data-sufler-panel] iframe')).toBe(ui.iframe);
    teardown!();
    expect(document.querySelector('[data-sufler-panel]')).toBeNull();
  });
});

describe('the lazy page-world bridge', () => {
  afterEach(() => {
    delete (window as unknown as { AMOCRM?: unknown }).AMOCRM;
  });

  it('sets no history hook until the content script asks, then answers that first request at once', () => {
    const ac = new AbortController();
    const pushState = history.pushState;
    (window as unknown as { AMOCRM?: unknown }).AMOCRM = fakeAmoWindow('18230417').AMOCRM;
    onFirstPageDataRequest(document, ac.signal, () => startAmoBridge(window, ac.signal));
    expect(history.pushState).toBe(pushState);

    const received: unknown[] = [];
    onPageData(document, ac.signal, (_source, payload) => received.push((payload as { cardId?: string }).cardId));
    expect(received).toEqual(['18230417']);
    expect(history.pushState).not.toBe(pushState);
    ac.abort();
    expect(history.pushState).toBe(pushState);
  });
});
