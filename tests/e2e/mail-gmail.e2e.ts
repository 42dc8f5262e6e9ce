import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCrmDemoSite, type DemoSite } from '../../scripts/demo-site';
import { gmailMail } from '../../lib/adapters/mail/gmail/gmail-send-request';
import { CrmTab } from './support/crm-tab';
import { launchExtensionBrowser, type ExtensionBrowser } from './support/extension-browser';
import { readStore } from './support/extension-db';
import { serveFixtures } from './support/fixture-host';
import { OptionsPage } from './support/options-page';
import { fetchPixelAsProxy } from './support/pixel-fetch';
import { startTeamServer, type TeamServer } from './support/team-server';
import { expectText, waitFor } from './support/wait';

const VECTOR = { id: '18230417', name: 'Поставка серверов — ООО «Вектор»', email: 'petrov@vector.example' };
const GMAIL = 'https://mail.google.com';

let site: DemoSite;
let server: TeamServer;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  site = await startCrmDemoSite();
});
afterAll(async () => {
  await site.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await server?.close();
});

interface SentLetter {
  body: string;
  html: string;
}

/** Plays Gmail's servers: the mailbox page, and the send endpoint, which keeps what it was sent. */
async function openGmail(b: ExtensionBrowser, sent: SentLetter[]): Promise<Page> {
  await serveFixtures(b.context, GMAIL, (url) => (url.pathname.startsWith('/mail/') ? 'mail/gmail/2026-12-02-mailbox.html' : null));
  // Registered last, so it is asked first (Playwright tries the newest route first).
  await b.context.route(`${GMAIL}/sync/**`, async (route: Route) => {
    const body = route.request().postData() ?? '';
    const letter = gmailMail.readSendRequest(body);
    sent.push({ body, html: letter?.html ?? '' });
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ subject: letter?.subject, html: letter?.html }) });
  });
  const page = await b.context.newPage();
  await page.goto(`${GMAIL}/mail/u/0/#inbox`);
  return page;
}

async function send(page: Page, to: string[], subject: string): Promise<void> {
  await page.evaluate(([addresses, s]) => (window as unknown as { openCompose(to: string[], cc: string[], s: string, t: string): void }).openCompose(addresses as string[], [], s as string, 'Добрый день! Высылаю КП.'), [to, subject] as const);
  await page.locator('.M9 .T-I-atl').last().click();
}

const PIXEL = /<img[^>]+src="(http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{40}\.gif)"/;

describe('email opens in Gmail', () => {
  it('a letter to a client carries a pixel; the sender’s own view fetches nothing; a reader’s open is counted', async () => {
    server = await startTeamServer();
    browser = await launchExtensionBrowser();
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.connect(server.url, server.managerToken);
    // The client is known from the CRM card, with its contact's address.
    const crm = new CrmTab(await browser.context.newPage(), site.port);
    await crm.openLead(VECTOR.id);
    await expectText(crm.clientName(), VECTOR.name);

    const sent: SentLetter[] = [];
    const proxied: string[] = [];
    // Gmail's image proxy as the sender's browser reaches it; the block rule must stop the request first.
    await browser.context.route('https://ci3.googleusercontent.com/**', async (route) => {
      proxied.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/gif', body: Buffer.from('R0lGODlhAQABAAAAACw=', 'base64') });
    });
    const gmail = await openGmail(browser, sent);
    await send(gmail, [VECTOR.email], 'КП на поставку серверов');
    await waitFor(async () => sent.length === 1, 10_000, 'the letter sent');

    // The pixel is in the HTML Gmail's server received, once, at its end.
    const pixelUrl = PIXEL.exec(sent[0]!.html)?.[1];
    expect(pixelUrl, sent[0]!.html).toBeDefined();
    expect(sent[0]!.html.match(/<img/g)).toHaveLength(1);
    expect(sent[0]!.html.startsWith('<div dir="ltr">Добрый день! Высылаю КП.</div>')).toBe(true);

    // The tracked letter is linked to the client, and its "email sent" touch reached the server.
    const letters = await readStore<{ id: string; clientKey: string | null; pixelUrl: string }>(browser.context, browser.extensionId, 'trackedLetters');
    expect(letters).toHaveLength(1);
    expect(letters[0]!.pixelUrl).toBe(pixelUrl);
    expect(letters[0]!.clientKey).toContain(VECTOR.id);
    const touches = await readStore<{ kind: string; outcome: string; clientKey: string; comment: string }>(browser.context, browser.extensionId, 'touches');
    expect(touches.filter((t) => t.kind === 'email')).toEqual([expect.objectContaining({ outcome: 'sent', clientKey: letters[0]!.clientKey, comment: 'КП на поставку серверов' })]);
    await waitFor(async () => (await server.touchCount()) === 1, 20_000, 'the email touch on the server');

    // The sender opens the letter in Sent: the image is in the page, but nothing is fetched.
    await gmail.goto(`${GMAIL}/mail/u/0/#sent/${encodeURIComponent('msg-a:r-901')}`);
    await gmail.waitForSelector('.a3s img[src*="googleusercontent.com/meips/"]', { state: 'attached' });
    await gmail.waitForTimeout(1000);
    expect(proxied).toEqual([]);
    const tracked = async () => {
      const res = await fetch(`${server.url}/api/tracked-emails/${letters[0]!.id}`, { headers: { authorization: `Bearer ${server.managerToken}` } });
      return (await res.json()) as { opens: number; hitsTotal: number; hits: { class: string; counted: boolean }[] };
    };
    expect((await tracked()).hitsTotal).toBe(0);
    // A colleague's letter shown in the same browser is fetched: the rule is this sender's only.
    const colleague = await fetch(`${server.url}/api/tracked-emails`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.headToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: '01KBCE0000000000000000000A', subject: 'Re', recipients: ['ann@acme.test'], sentAt: Date.now() }),
    }).then((r) => r.json() as Promise<{ pixelUrl: string }>);
    await gmail.evaluate((src) => {
      const img = document.createElement('img');
      img.src = `https://ci3.googleusercontent.com/meips/ADKq_colleague=s0-d-e1-ft#${src}`;
      document.querySelector('.a3s')?.append(img);
    }, colleague.pixelUrl);
    await waitFor(async () => proxied.length === 1, 5_000, "the colleague's pixel fetched");
    expect(proxied[0]).toContain('ADKq_colleague');

    // A letter to a colleague (the sender's own company) carries no pixel.
    await send(gmail, ['boss@acme.test'], 'Внутреннее');
    await waitFor(async () => sent.length === 2, 10_000, 'the second letter sent');
    expect(sent[1]!.html).not.toContain('<img');

    // The client reads it in Gmail, past the first seconds in which gateways prefetch: one open.
    await new Promise((r) => setTimeout(r, 10_500));
    const hit = await fetchPixelAsProxy(pixelUrl!);
    expect(hit).toMatchObject({ status: 200, bytes: 43, type: 'image/gif' });
    await waitFor(async () => (await tracked()).opens === 1, 5_000, 'the open counted');
    expect((await tracked()).hits).toEqual([expect.objectContaining({ class: 'provider_proxy', counted: true })]);

    // The sender is told at once, with the client's name; the open is a touch of the client.
    const notices = () =>
      browser!.worker.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            (globalThis as unknown as { chrome: { notifications: { getAll(cb: (all: Record<string, unknown>) => void): void } } }).chrome.notifications.getAll((all) => resolve(Object.keys(all)));
          }),
      );
    await waitFor(async () => (await notices()).length === 1, 10_000, 'the open notification');
    const touchesAfter = await readStore<{ id: string; kind: string; clientKey: string }>(browser.context, browser.extensionId, 'touches');
    const openTouch = touchesAfter.find((t) => t.kind === 'email_open');
    expect(openTouch?.clientKey).toBe(letters[0]!.clientKey);
    expect(await notices()).toEqual([`sufler-open:${openTouch!.id}`]);
  }, 120_000);
});
