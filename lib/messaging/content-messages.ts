/**
 * The messages the content script receives: the background's answer to context:publish
 * and its later commands. Checked by hand, not with zod: this file ships in the CRM page,
 * whose size budget zod's core would exceed (see lib/adapters/amocrm/page-data.ts).
 */

/** Which page fields to outline (PageField.key of empty required fields). */
export interface Outline {
  enabled: boolean;
  keys: string[];
}

/**
 * background → content script (tabs.sendMessage). The collapse shortcut is not here: the
 * background writes the setting itself and the content script follows storage.
 */
export type BackgroundToContent =
  | { type: 'outline:set'; outline: Outline }
  | { type: 'field:reveal'; key: string }
  /** Put a logged touch's note into the CRM's own composer; answered with { filled }. */
  | { type: 'crm:note-fill'; text: string };

/** Longest note text we hand to a CRM composer (a touch comment plus its labels and tag). */
export const MAX_CRM_NOTE_TEXT = 5000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function parseOutline(value: unknown): Outline | null {
  if (!isObject(value) || typeof value.enabled !== 'boolean' || !Array.isArray(value.keys)) return null;
  const keys = value.keys;
  if (!keys.every((k): k is string => typeof k === 'string')) return null;
  return { enabled: value.enabled, keys };
}

export function parseBackgroundToContent(value: unknown): BackgroundToContent | null {
  if (!isObject(value)) return null;
  if (value.type === 'outline:set') {
    const outline = parseOutline(value.outline);
    return outline ? { type: 'outline:set', outline } : null;
  }
  if (value.type === 'field:reveal') {
    return typeof value.key === 'string' && value.key.length <= 200 ? { type: 'field:reveal', key: value.key } : null;
  }
  if (value.type === 'crm:note-fill') {
    return typeof value.text === 'string' && value.text.length <= MAX_CRM_NOTE_TEXT ? { type: 'crm:note-fill', text: value.text } : null;
  }
  return null;
}

/** The one setting the content script needs: is the docked panel collapsed? */
export function isPanelCollapsed(storedSettings: unknown): boolean {
  return isObject(storedSettings) && storedSettings.panelCollapsed === true;
}
