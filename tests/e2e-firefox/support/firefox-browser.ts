import puppeteer, { type Browser } from 'puppeteer-core';
import webExt from 'web-ext';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_HOST } from '../../e2e/support/extension-browser';

/** The Firefox build that `wxt build -b firefox` writes; the test packs and installs exactly this. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id the manifest pins (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'sufler@sufler.dev';

/**
 * Packs the build into an .xpi with Mozilla's own packer (web-ext), as it would go to AMO.
 * A packed add-on can be installed permanently; an unpacked folder only as a temporary one,
 * which Firefox removes when it quits, so a restart would prove nothing.
 */
export async function packAddon(): Promise<string> {
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD_DIR}: run "npx wxt build -b firefox" first.`);
  }
  const { extensionPath } = await webExt.cmd.build(
    { sourceDir: FIREFOX_BUILD_DIR, artifactsDir: mkdtempSync(join(tmpdir(), 'sufler-xpi-')), filename: 'sufler.xpi', overwriteDest: true },
    { shouldExitProgram: false },
  );
  return extensionPath;
}

export function newFirefoxProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'sufler-firefox-'));
}

/**
 * Starts Debian's Firefox ESR headless on a profile, driven over WebDriver BiDi.
 * The demo CRM host resolves to loopback through a Firefox pref (no /etc/hosts edit).
 */
export async function launchFirefox(profileDir: string): Promise<Browser> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profileDir,
    // FIREFOX_DUMPIO=1 shows Firefox's own output (the add-on's console errors among it).
    dumpio: process.env.FIREFOX_DUMPIO === '1',
    defaultViewport: { width: 1400, height: 900 },
    // WebDriver may open moz-extension:// pages (the options page) only with this flag; the
    // user reaches the same page from the toolbar popup, which headless Firefox cannot click.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // Names listed here resolve to loopback, where the demo CRM site listens.
      'network.dns.localDomains': DEMO_HOST,
      // The demo site is plain HTTP; don't try HTTPS first and wait for it to fail.
      'dom.security.https_first': false,
      // A Russian-speaking user, as in the Chromium e2e.
      'intl.accept_languages': 'ru-RU, ru',
      // The test's own unsigned .xpi (ESR honours this; release builds do not).
      'xpinstall.signatures.required': false,
    },
  });
}

/**
 * Installs the packed add-on permanently, as a user's install from AMO is: it stays in the
 * profile across restarts. Puppeteer's installExtension() has no option for that, so this
 * sends Firefox's own BiDi extension parameter "moz:permanent" over puppeteer's connection.
 */
export async function installPermanently(browser: Browser, xpiPath: string): Promise<string> {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (typeof connection?.send !== 'function') throw new Error('puppeteer no longer exposes its BiDi connection');
  const { result } = await connection.send('webExtension.install', {
    extensionData: { type: 'archivePath', path: xpiPath },
    'moz:permanent': true,
  });
  return result.extension;
}

interface BidiConnection {
  send(method: 'webExtension.install', params: object): Promise<{ result: { extension: string } }>;
}
