import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The production build that `wxt build` writes; the e2e tests load exactly this. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** amoCRM account host the demo site is reached under, so the real match patterns apply. */
export const DEMO_HOST = 'demo.amocrm.ru';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'sufler-profile-'));
}

/**
 * Starts Debian's Chromium headless with the built extension on a given profile.
 * Every *.amocrm.ru name resolves to loopback, where the demo CRM site listens.
 */
/** The same browser without Sufler, for benchmarks that compare the page with and without it. */
export async function launchPlainBrowser(userDataDir = newProfileDir()): Promise<BrowserContext> {
  return launchProfile(userDataDir, false);
}

function launchProfile(userDataDir: string, withExtension: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'ru-RU',
    // Playwright disables extensions by default; this test is about one.
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : ['--disable-extensions']),
      '--host-resolver-rules=MAP *.amocrm.ru 127.0.0.1, MAP *.kommo.com 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--lang=ru-RU',
    ],
  });
}

export async function launchExtensionBrowser(userDataDir = newProfileDir()): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXTENSION_DIR}: run "npx wxt build" first.`);
  }
  const context = await launchProfile(userDataDir, true);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: () => context.close(),
  };
}
