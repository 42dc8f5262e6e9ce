import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { MailAdapter } from '../adapters/mail/mail-adapter';
import { startMailRelay, type RelayApi } from './mail-relay';
import { installSendHook } from './send-hook';

/**
 * A webmail's page-world entry, from document_start: the send hook must wrap XMLHttpRequest
 * and fetch before the webmail's own code sends anything (gmail.js and InboxSDK load at the
 * same point for the same reason). It holds only the send of a letter.
 */
export function defineMailPageHook(adapter: MailAdapter, sender: (win: Window, doc: Document) => string | null) {
  return defineContentScript({
    world: 'MAIN',
    main() {
      installSendHook(window, { adapter, sender: () => sender(window, document) });
    },
  });
}

/** A webmail's isolated entry: the relay between the page-world hook and the background. */
export function defineMailRelay(siteId: string) {
  return defineContentScript({
    runAt: 'document_idle',
    main(ctx) {
      startMailRelay(window, ctx.signal, browser as unknown as RelayApi, siteId);
    },
  });
}
