import type { BrowserContext, Page } from 'playwright-core';

/** The few extension APIs the in-page snippets below use (they run in the options page). */
declare const chrome: {
  runtime: {
    connect(info: { name: string }): {
      postMessage(message: unknown): void;
      onMessage: { addListener(cb: (message: { type: string; requestId?: string; error?: string | null }) => void): void };
      disconnect(): void;
    };
  };
  tabs: { query(info: object): Promise<{ id?: number; url?: string }[]> };
};

/** Page object for the extension's options page (settings, team server, playbook). */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  byTestId(id: string) {
    return this.page.locator(`[data-testid="${id}"]`);
  }

  async connect(serverUrl: string, token: string): Promise<void> {
    await this.byTestId('sync-url').fill(serverUrl);
    await this.byTestId('sync-token').fill(token);
    await this.byTestId('sync-save').click();
  }

  /**
   * Logs `count` touches for the client on `crmTabId` through the background's panel port,
   * exactly as the panel does (one touch:log per touch, a ULID request id each), and waits
   * for every ack. Used to build a backlog quickly.
   */
  async logTouchesThroughPort(crmTabId: number, count: number): Promise<void> {
    const errors = await this.page.evaluate(
      async ({ tabId, n }) => {
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const ulid = (i: number) => {
          let time = Date.now();
          let head = '';
          for (let k = 0; k < 10; k++) {
            head = alphabet[time % 32] + head;
            time = Math.floor(time / 32);
          }
          let tail = i.toString(32).toUpperCase().replace(/[ILOU]/g, 'Z').padStart(6, '0');
          for (let k = 0; k < 10; k++) tail = alphabet[Math.floor(Math.random() * 32)] + tail;
          return head + tail.slice(-16);
        };
        const port = chrome.runtime.connect({ name: 'sufler-hub' });
        port.postMessage({ type: 'subscribe', tabId });
        const pending = new Map<string, () => void>();
        const failures: string[] = [];
        port.onMessage.addListener((message) => {
          if (message.type !== 'ack' || !message.requestId) return;
          if (message.error) failures.push(message.error);
          pending.get(message.requestId)?.();
        });
        const acks: Promise<void>[] = [];
        for (let i = 0; i < n; i++) {
          const requestId = ulid(i);
          acks.push(new Promise<void>((resolve) => pending.set(requestId, resolve)));
          port.postMessage({
            type: 'touch:log',
            requestId,
            draft: { kind: 'call', outcome: 'reached', comment: `Звонок из очереди №${i + 1}` },
          });
        }
        await Promise.all(acks);
        port.disconnect();
        return failures;
      },
      { tabId: crmTabId, n: count },
    );
    if (errors.length > 0) throw new Error(`touch:log failed: ${errors[0]}`);
  }

  /** The id of the tab showing a demo amoCRM page (host permissions reveal its URL). */
  async crmTabId(): Promise<number> {
    const id = await this.page.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url?.includes('.amocrm.ru'))?.id ?? null;
    });
    if (id === null) throw new Error('no amoCRM tab is open');
    return id;
  }

  /**
   * Stops the extension's service worker, as Chromium does to an idle one, and resolves
   * once Chromium reports it stopped. (This page's session sees the extension's worker;
   * Playwright's own Worker 'close' event comes too late to rely on.)
   */
  async stopServiceWorker(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    const stopped = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the service worker did not stop')), 10_000);
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.endsWith('/background.js') && v.runningStatus === 'stopped')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
  }
}
