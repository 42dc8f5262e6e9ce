// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gmailMail } from '../../../lib/adapters/mail/gmail/gmail-send-request';
import { startMailRelay } from '../../../lib/mail/mail-relay';
import { ANSWER_TIMEOUT_MS, installSendHook, type HookWindow } from '../../../lib/mail/send-hook';

const SEND_BODY = readFileSync(resolve(import.meta.dirname, '../../fixtures/mail/gmail/send-request.json'), 'utf8');
const PIXEL = '<img src="https://sufler.example/t/x.gif">';

/** What the page's XMLHttpRequest was finally asked to send, by URL. */
function recordSends(): { sent: { url: string; body: unknown }[]; restore: () => void } {
  const sent: { url: string; body: unknown }[] = [];
  const proto = window.XMLHttpRequest.prototype;
  const open = proto.open;
  const send = proto.send;
  const urls = new WeakMap<XMLHttpRequest, string>();
  proto.open = function (this: XMLHttpRequest, _m: string, url: string | URL) {
    urls.set(this, String(url));
  } as typeof proto.open;
  proto.send = function (this: XMLHttpRequest, body?: unknown) {
    sent.push({ url: urls.get(this) ?? '', body });
  } as typeof proto.send;
  return { sent, restore: () => ((proto.open = open), (proto.send = send)) };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
  vi.useRealTimers();
});

function hook(answer: (message: unknown) => Promise<unknown>): { sent: { url: string; body: unknown }[]; asked: unknown[] } {
  const { sent, restore } = recordSends();
  const asked: unknown[] = [];
  const controller = new AbortController();
  startMailRelay(window, controller.signal, { runtime: { sendMessage: (m) => (asked.push(m), answer(m)) } }, 'gmail');
  const uninstall = installSendHook(window as unknown as HookWindow, { adapter: gmailMail, sender: () => 'ann@acme.test' });
  cleanups.push(restore, () => controller.abort(), uninstall);
  return { sent, asked };
}

function xhrSend(url: string, body: string): void {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', url, true);
  xhr.send(body);
}

describe('the page-world send hook', () => {
  it('holds a send until the background answers, then sends the letter with the pixel', async () => {
    const { sent, asked } = hook(async () => ({ pixelHtml: PIXEL }));
    xhrSend('/sync/u/0/i/s?hl=ru', SEND_BODY);
    expect(sent).toEqual([]);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(asked).toEqual([
      { type: 'mail:send', site: 'gmail', from: 'ann@acme.test', letter: { messageId: 'msg-a:r-4242424242424242424', to: ['ivan@romashka.test', 'buh@romashka.test'], cc: ['boss@romashka.test'], bcc: [], subject: 'КП на поставку / proposal' } },
    ]);
    expect(gmailMail.readSendRequest(sent[0]!.body as string)?.html.endsWith(PIXEL)).toBe(true);
  });

  it('passes every other request straight through, unasked', () => {
    const { sent, asked } = hook(async () => ({ pixelHtml: PIXEL }));
    xhrSend('/sync/u/0/i/bv?hl=ru', SEND_BODY);
    xhrSend('/sync/u/0/i/s', '[["b6",1],[]]');
    expect(sent.map((s) => s.body)).toEqual([SEND_BODY, '[["b6",1],[]]']);
    expect(asked).toEqual([]);
  });

  it('sends the letter untouched when the background refuses, fails or is silent past the timeout', async () => {
    const refusing = hook(async () => ({ pixelHtml: null }));
    xhrSend('/sync/u/0/i/s', SEND_BODY);
    await vi.waitFor(() => expect(refusing.sent.map((s) => s.body)).toEqual([SEND_BODY]));
    for (const c of cleanups.reverse()) c();
    cleanups = [];

    const failing = hook(() => Promise.reject(new Error('worker gone')));
    xhrSend('/sync/u/0/i/s', SEND_BODY);
    await vi.waitFor(() => expect(failing.sent.map((s) => s.body)).toEqual([SEND_BODY]));
    for (const c of cleanups.reverse()) c();
    cleanups = [];

    vi.useFakeTimers();
    const silent = hook(() => new Promise(() => undefined));
    xhrSend('/sync/u/0/i/s', SEND_BODY);
    await vi.advanceTimersByTimeAsync(ANSWER_TIMEOUT_MS - 1);
    expect(silent.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(silent.sent.map((s) => s.body)).toEqual([SEND_BODY]);
  });

  it('ignores a forged answer from the page that names no question asked', async () => {
    let release: (v: unknown) => void = () => undefined;
    const { sent } = hook(() => new Promise((r) => (release = r)));
    xhrSend('/sync/u/0/i/s', SEND_BODY);
    window.postMessage({ tag: 'sufler:mail', kind: 'send-answer', ask: 'guess', pixelHtml: '<script>bad()</script>' }, '*');
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual([]);
    release({ pixelHtml: PIXEL });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body as string).not.toContain('bad()');
  });
});
