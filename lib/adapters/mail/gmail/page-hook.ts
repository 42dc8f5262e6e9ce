import { defineMailPageHook } from '../../../mail/define-mail-scripts';
import { gmailMail } from './gmail-send-request';
import { gmailSender } from './gmail-sender';

export default defineMailPageHook(gmailMail, gmailSender);
