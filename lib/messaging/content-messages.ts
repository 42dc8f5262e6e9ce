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
export type BackgroundToContent = { type: 'outline:set'; outline: Outline };

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
  return null;
}

/** The one setting the content script needs: is the docked panel collapsed? */
export function isPanelCollapsed(storedSettings: unknown): boolean {
  return isObject(storedSettings) && storedSettings.panelCollapsed === true;
}
