import type { Browser, Frame, Page } from 'puppeteer-core';
import { DEMO_HOST } from '../../e2e/support/extension-browser';
import { waitFor } from '../../e2e/support/wait';

const PANEL_IFRAME = '[data-sufler-panel] iframe';
const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Page object for a demo amoCRM tab in Firefox with the docked Sufler panel (puppeteer). */
export class FirefoxCrmTab {
  private constructor(
    readonly page: Page,
    private readonly port: number,
  ) {}

  static async open(browser: Browser, port: number): Promise<FirefoxCrmTab> {
    return new FirefoxCrmTab(await browser.newPage(), port);
  }

  async openLead(id: string): Promise<void> {
    await this.page.goto(`http://${DEMO_HOST}:${this.port}/leads/detail/${id}`);
  }

  /** The docked panel's frame (the extension's panel.html) once the content script has put it in. */
  async panel(): Promise<Frame> {
    const iframe = await this.page.waitForSelector(PANEL_IFRAME, { timeout: 15_000 });
    const frame = await iframe?.contentFrame();
    if (!frame) throw new Error('the panel iframe has no frame');
    return frame;
  }

  /** moz-extension://<uuid>: the origin Firefox gave this profile's add-on, read off the panel. */
  async extensionOrigin(): Promise<string> {
    // The iframe's own src: the frame's reported url can still be about:blank while it loads.
    const iframe = await this.page.waitForSelector(PANEL_IFRAME, { timeout: 15_000 });
    const src = await iframe?.evaluate((el) => (el as HTMLIFrameElement).src);
    if (src === undefined || !src.startsWith('moz-extension:')) throw new Error(`the panel iframe has no extension src (${String(src)})`);
    // URL.origin is "null" for schemes Node does not know; build it from the parts.
    const { protocol, host } = new URL(src);
    return `${protocol}//${host}`;
  }

  /** The text of a panel element, or null while it is not there. */
  async text(testId: string): Promise<string | null> {
    const frame = await this.panel();
    return frame.$eval(byTestId(testId), (el) => el.textContent).catch(() => null);
  }

  async expectText(testId: string, expected: string, timeoutMs = 15_000): Promise<void> {
    let seen: string | null = null;
    await waitFor(
      async () => {
        seen = await this.text(testId);
        return seen?.includes(expected) ?? false;
      },
      timeoutMs,
      `«${expected}» in ${testId}`,
    ).catch(() => {
      throw new Error(`Expected ${testId} to contain «${expected}», last saw «${seen ?? '(no element)'}»`);
    });
  }

  async click(testId: string): Promise<void> {
    await (await this.panel()).locator(byTestId(testId)).setTimeout(15_000).click();
  }

  async logTouch(kind: string, outcome: string, comment: string): Promise<void> {
    await this.click(`touch-kind-${kind}`);
    await this.click(`touch-outcome-${outcome}`);
    await (await this.panel()).locator(byTestId('touch-comment')).setTimeout(15_000).fill(comment);
    await this.click('touch-save');
  }

  /** Texts of the touch history, newest first. */
  async history(): Promise<string[]> {
    const frame = await this.panel();
    return frame.$$eval(byTestId('touch-history-item'), (items) => items.map((item) => item.textContent ?? ''));
  }

  /** Where the panel and the CRM card sit on the page, in CSS pixels. */
  async layout(): Promise<{ viewportWidth: number; viewportHeight: number; panel: DOMRectJSON | null; card: DOMRectJSON | null }> {
    return this.page.evaluate(() => {
      const box = (selector: string) => {
        const el = document.querySelector(selector);
        if (!el || getComputedStyle(el).display === 'none') return null;
        const { left, right, top, bottom, width, height } = el.getBoundingClientRect();
        return { left, right, top, bottom, width, height };
      };
      return {
        viewportWidth: document.documentElement.clientWidth,
        viewportHeight: window.innerHeight,
        panel: box('[data-sufler-panel]'),
        card: box('.card-holder__container'),
      };
    });
  }
}

export interface DOMRectJSON {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

/** Page object for the add-on's options page (team server settings) in Firefox. */
export class FirefoxOptionsPage {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, tab: FirefoxCrmTab): Promise<FirefoxOptionsPage> {
    const page = await browser.newPage();
    // Firefox moves the tab into the add-on's process for this page, and puppeteer misses
    // that navigation's load event although the page loads: wait for the form instead.
    void page.goto(`${await tab.extensionOrigin()}/options.html`, { timeout: 20_000 }).catch(() => undefined);
    await page.waitForSelector(byTestId('sync-url'), { timeout: 20_000 });
    return new FirefoxOptionsPage(page);
  }

  async fill(testId: string, value: string): Promise<void> {
    await this.page.locator(byTestId(testId)).setTimeout(15_000).fill(value);
  }

  async click(testId: string): Promise<void> {
    await this.page.locator(byTestId(testId)).setTimeout(15_000).click();
  }

  async text(testId: string): Promise<string | null> {
    return this.page.$eval(byTestId(testId), (el) => el.textContent).catch(() => null);
  }
}

/**
 * Every row of one object store of the add-on's IndexedDB, read from one of its own pages
 * or frames (the options page, the docked panel): they share the background's database.
 */
export async function readExtensionStore<T>(extensionPage: Page | Frame, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('sufler');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}
