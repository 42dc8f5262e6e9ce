/**
 * The one message the docked panel page posts to its CRM tab (window.parent): the manager
 * opened the panel from the slim tab a narrow window folded it into, so the panel lies over
 * the page until the window is wide enough to push the page aside. The content script takes
 * it only from the panel iframe's own window.
 */
export const DOCK_EXPAND_MESSAGE = 'sufler:expand';

export function isDockExpandMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === DOCK_EXPAND_MESSAGE;
}
