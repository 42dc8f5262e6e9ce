import { HubClosedError, HubRequestTimeoutError } from '../../lib/messaging/hub-port';
import type { Translator } from '../../lib/i18n/translate';

/** What to tell the user about a failed action: our own words for transport failures, the background's text otherwise. */
export function errorText(error: unknown, t: Translator): string {
  if (error instanceof HubRequestTimeoutError) return t('error.timeout');
  if (error instanceof HubClosedError) return t('error.closed');
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
