import { defineMailPageHook } from '../../../mail/define-mail-scripts';
import { yandexMail } from './yandex-send-request';

// The signed-in mailbox is not read here yet: colleagues are kept out by the never-track list.
export default defineMailPageHook(yandexMail, () => null);
