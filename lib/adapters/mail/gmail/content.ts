import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startMailRelay } from '../../../mail/mail-relay';

/** Gmail's isolated content script: the relay between the page-world send hook and the background. */
export default defineContentScript({
  runAt: 'document_idle',
  main(ctx) {
    startMailRelay(window, ctx.signal, browser as unknown as Parameters<typeof startMailRelay>[2], 'gmail');
  },
});
