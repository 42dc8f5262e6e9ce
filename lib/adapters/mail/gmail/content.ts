import { defineMailRelay } from '../../../mail/define-mail-scripts';

export default defineMailRelay('gmail');
