import { defineContentScript } from 'wxt/utils/define-content-script';
import { installSendHook } from '../../../mail/send-hook';
import { gmailMail } from './gmail-send-request';
import { gmailSender } from './gmail-sender';

/**
 * Gmail's page world, from document_start: the send hook must wrap XMLHttpRequest before
 * Gmail's own code sends anything (gmail.js and InboxSDK load at the same point for the same
 * reason). It holds only the send of a letter; everything else passes through untouched.
 */
export default defineContentScript({
  world: 'MAIN',
  main() {
    installSendHook(window, { adapter: gmailMail, sender: () => gmailSender(window, document) });
  },
});
