import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailAdapter } from '../../lib/adapters/mail/mail-adapter';
import { mailruMail } from '../../lib/adapters/mail/mailru/mailru-send-request';
import { outlookMail } from '../../lib/adapters/mail/outlook/outlook-send-request';
import { yandexMail } from '../../lib/adapters/mail/yandex/yandex-send-request';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { readStore } from './support/extension-db';
import { serveFixtures } from './support/fixture-host';
import { OptionsPage } from './support/options-page';
import { startTeamServer, type TeamServer } from './support/team-server';
import { waitFor } from './support/wait';

const body = (file: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/mail', file), 'utf8');

/**
 * Each webmail sends the way its own code does (research notes §1): Yandex a fetch with a form
 * body, Mail.ru an XMLHttpRequest with a urlencoded string, Outlook a fetch with JSON. The
 * bodies are the captured-shape fixtures the adapters' unit tests read.
 */
const CASES: { id: string; origin: string; page: string; sendPath: string; file: string; transport: 'fetch-form' | 'xhr' | 'fetch'; adapter: MailAdapter }[] = [
  { id: 'yandex', origin: 'https://mail.yandex.ru', page: 'mail/yandex/2026-12-02-composes.html', sendPath: '/web-api/do-send/liza1?_send=true', file: 'yandex/send-request.txt', transport: 'fetch-form', adapter: yandexMail },
  { id: 'mailru', origin: 'https://e.mail.ru', page: 'mail/mailru/2026-12-02-composes.html', sendPath: '/api/v1/messages/send', file: 'mailru/send-reply-request.txt', transport: 'xhr', adapter: mailruMail },
  { id: 'outlook', origin: 'https://outlook.live.com', page: 'mail/outlook/2026-12-02-composes.html', sendPath: '/owa/0/service.svc?action=CreateItem&app=Mail', file: 'outlook/create-send-request.json', transport: 'fetch', adapter: outlookMail },
];

let server: TeamServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  server = await startTeamServer();
  browser = await launchExtensionBrowser();
  const options = await OptionsPage.open(browser.context, browser.extensionId);
  await options.connect(server.url, server.managerToken);
  await options.page.waitForTimeout(500);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(CASES)('a letter sent from $id', (webmail) => {
  it('leaves with the pixel in the HTML the webmail’s server receives, once', async () => {
    const received: string[] = [];
    await serveFixtures(browser.context, webmail.origin, (url) => (url.pathname.startsWith('/web-api/') || url.pathname.startsWith('/api/') || url.pathname.startsWith('/owa/0/service') ? null : webmail.page));
    await browser.context.route(`${webmail.origin}${webmail.sendPath.split('?')[0]}**`, async (route) => {
      received.push(route.request().postData() ?? '');
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"status":"ok"}' });
    });
    const page = await browser.context.newPage();
    await page.goto(`${webmail.origin}/`);
    // The relay starts at document_idle; the page is loaded by now.
    await page.evaluate(
      async ({ transport, url, text }) => {
        if (transport === 'fetch-form') await fetch(url, { method: 'POST', body: new URLSearchParams(text) });
        else if (transport === 'fetch') await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: text });
        else
          await new Promise<void>((done) => {
            const xhr = new XMLHttpRequest();
            xhr.open('POST', url, true);
            xhr.setRequestHeader('content-type', 'application/x-www-form-urlencoded; charset=UTF-8');
            xhr.onloadend = () => done();
            xhr.send(text);
          });
      },
      { transport: webmail.transport, url: webmail.sendPath, text: body(webmail.file) },
    );
    await waitFor(async () => received.length === 1, 10_000, 'the send received');
    const html = webmail.adapter.readSendRequest(received[0]!)?.html ?? '';
    expect(html.match(new RegExp(`src="${server.url}/t/[A-Za-z0-9_-]{40}\\.gif"`, 'g')), html).toHaveLength(1);
    const letters = await readStore<{ letterKey: string }>(browser.context, browser.extensionId, 'trackedLetters');
    expect(letters.map((l) => l.letterKey.split(':')[0])).toContain(webmail.id);
    await page.close();
  });
});
