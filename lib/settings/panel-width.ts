/**
 * The docked panel's width, remembered per site (a CRM's host). Zod-free: the content script
 * reads it out of the stored settings, and the background (the one writer) clamps what it stores.
 */
export const PANEL_WIDTH_DEFAULT = 360;
export const PANEL_WIDTH_MIN = 280;
export const PANEL_WIDTH_MAX = 640;
/** Sites remembered at most; the oldest entries go first. */
export const PANEL_WIDTH_SITES = 100;

export function clampPanelWidth(width: number): number {
  if (!Number.isFinite(width)) return PANEL_WIDTH_DEFAULT;
  return Math.min(PANEL_WIDTH_MAX, Math.max(PANEL_WIDTH_MIN, Math.round(width)));
}

/** The width stored for `host` in the raw settings value, or the default. */
export function storedPanelWidth(storedSettings: unknown, host: string): number {
  if (typeof storedSettings !== 'object' || storedSettings === null) return PANEL_WIDTH_DEFAULT;
  const widths = (storedSettings as { panelWidths?: unknown }).panelWidths;
  if (typeof widths !== 'object' || widths === null || !Object.hasOwn(widths, host)) return PANEL_WIDTH_DEFAULT;
  const width = (widths as Record<string, unknown>)[host];
  return typeof width === 'number' ? clampPanelWidth(width) : PANEL_WIDTH_DEFAULT;
}

/** `widths` with `host` set to `width` (moved to the end, so it is the newest), bounded in size. */
export function withPanelWidth(widths: Readonly<Record<string, number>>, host: string, width: number): Record<string, number> {
  const next = Object.fromEntries(Object.entries(widths).filter(([key]) => key !== host));
  next[host] = clampPanelWidth(width);
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - PANEL_WIDTH_SITES))) delete next[old];
  return next;
}
