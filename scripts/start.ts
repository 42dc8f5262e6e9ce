import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startCrmDemoSite } from './demo-site';

/**
 * `npm start`: everything a newcomer needs to see Sufler working on one machine —
 * the extension built, the team server on its embedded database, a demo amoCRM site on
 * loopback, and (with a display) Chromium opened with the extension on a demo lead card.
 */
const ROOT = resolve(import.meta.dirname, '..');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 8788);
const DEMO_URL = `http://demo.amocrm.ru:${DEMO_PORT}/leads/detail/18230417`;
const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

function hasDisplay(): boolean {
  if (process.argv.includes('--no-browser')) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  console.log('› Building the extension (wxt build)…');
  await run('npx', ['wxt', 'build']);

  console.log('› Starting the team server on the embedded database…');
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });

  const site = await startCrmDemoSite(DEMO_PORT);
  console.log(`› Demo amoCRM site on http://127.0.0.1:${site.port} (as ${DEMO_URL})`);

  const chromiumPath = CHROMIUM_CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));
  let closeBrowser: (() => Promise<void>) | null = null;
  if (chromiumPath && hasDisplay()) {
    const profile = join(ROOT, '.data', 'demo-profile');
    mkdirSync(profile, { recursive: true });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: false,
      viewport: null,
      ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--host-resolver-rules=MAP demo.amocrm.ru 127.0.0.1',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(DEMO_URL);
    closeBrowser = () => context.close();
    console.log('› Chromium is open on a demo lead card with Sufler loaded. Close it or press Ctrl+C to stop.');
    context.on('close', () => void shutdown());
  } else {
    console.log(
      [
        '',
        'No browser was started (no display, no Chromium, or --no-browser). To try Sufler by hand:',
        `  1. Open chrome://extensions, switch on Developer mode, "Load unpacked" → ${EXTENSION_DIR}`,
        `  2. Start Chromium with --host-resolver-rules="MAP demo.amocrm.ru 127.0.0.1" and open ${DEMO_URL}`,
        '     (or open a lead card of your own amoCRM / Kommo account).',
        'Press Ctrl+C to stop the server and the demo site.',
      ].join('\n'),
    );
  }

  let stopping = false;
  async function shutdown(): Promise<void> {
    if (stopping) return;
    stopping = true;
    await closeBrowser?.().catch(() => {});
    await site.close();
    server.kill('SIGTERM');
    process.exit(0);
  }
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  server.on('exit', (code) => {
    if (!stopping) {
      console.error(`The team server stopped (exit code ${code}).`);
      void shutdown();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
