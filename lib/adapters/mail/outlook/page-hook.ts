import { defineMailPageHook } from '../../../mail/define-mail-scripts';
import { outlookMail } from './outlook-send-request';

// The signed-in mailbox is not read here yet: colleagues are kept out by the never-track list.
export default defineMailPageHook(outlookMail, () => null);
