import { PanelClosedError, PanelRequestTimeoutError } from '../../lib/messaging/panel-port';
import type { Translator } from '../../lib/i18n/translate';

/** What to tell the user about a failed action: our own words for transport failures, the background's text otherwise. */
export function errorText(error: unknown, t: Translator): string {
  if (error instanceof PanelRequestTimeoutError) return t('error.timeout');
  if (error instanceof PanelClosedError) return t('error.closed');
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}
