import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

export const PAGE_FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');

/**
 * Serves saved fixture pages under a real CRM host name (https, as the vendors' own) by the
 * browser's request interception: the manifest's own match patterns then decide whether Sufler
 * runs there, exactly as on the live site. `pageFor` maps a requested URL to a fixture file
 * under tests/fixtures/pages, or null for a 404.
 */
export async function serveFixtures(context: BrowserContext, origin: string, pageFor: (url: URL) => string | null): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    const file = pageFor(new URL(route.request().url()));
    if (!file) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(resolve(PAGE_FIXTURES, file), 'utf8') });
  });
}

/** The docked Sufler panel in a page or frame. */
export const panelIn = (host: Page | FrameLocator): FrameLocator => host.frameLocator('[data-sufler-panel] iframe');

/** Screenshots at the two widths the panel is judged at, when SCREENSHOT_DIR is set. */
export async function panelScreenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const [width, height] of [[1400, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(dir, `${name}-${width}.png`) });
  }
}
