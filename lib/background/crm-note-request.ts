import { clientKey } from '../context/client-key';
import { crmNoteText } from '../crm-feed/crm-note-text';
import { TouchRecordSchema } from '../db/records';
import { makeTranslator } from '../i18n/translate';
import { kindLabelKey, outcomeLabelKey } from '../touches/touch-labels';
import type { BackgroundDeps } from './background-deps';
import { readSettings } from './settings-storage';
import { getTabContext } from './tab-contexts';
import { uiLang, userMessage, type UserMessageId } from './user-messages';

/**
 * "Add to CRM note": the CRM tab's content script puts the touch's note, with Sufler's tag,
 * into the CRM's own composer; the manager confirms it there and the CRM records it natively.
 * The tag lets the panel recognise the note in the CRM's feed later (lib/crm-feed), so the
 * touch is listed once. Resolves to null when the composer was filled, or to the text shown.
 */
export async function fillCrmNote(deps: BackgroundDeps, touchId: string, tabId: number | null): Promise<string | null> {
  const settings = await readSettings(deps.local);
  const lang = uiLang(settings, deps.browserLanguage());
  const fail = (id: UserMessageId) => userMessage(id, lang);
  if (tabId === null) return fail('noTab');
  const context = await getTabContext(deps.session, tabId);
  if (context === null) return fail('noClient');
  const stored = TouchRecordSchema.safeParse(await deps.db.touches.get(touchId));
  // Only a touch of the client this tab shows goes into this tab's CRM card.
  if (!stored.success || stored.data.deleted === true || stored.data.clientKey !== clientKey(context)) return fail('touchMissing');
  const t = makeTranslator(lang);
  const touch = stored.data;
  const text = crmNoteText({
    kind: t(kindLabelKey(touch.kind)),
    outcome: touch.kind === 'note' ? '' : t(outcomeLabelKey(touch.kind, touch.outcome)),
    comment: touch.comment,
    touchId: touch.id,
  });
  const reply = await deps.sendToTab(tabId, { type: 'crm:note-fill', text }).catch(() => null);
  const filled = typeof reply === 'object' && reply !== null && (reply as { filled?: unknown }).filled === true;
  return filled ? null : fail('noCrmComposer');
}
