/** Narrower than this, the docked frame is the slim tab (lib/content/panel-frame.ts makes it 44 px). */
const TAB_FRAME_MAX_PX = 100;

/**
 * Is this docked frame the slim tab right now? The CRM tab folds it so when the window is too
 * narrow for both the page and the panel, without touching the manager's own setting.
 * Plain DOM, for the first paint as well as the full panel.
 */
export function isTabFrame(win: Window | null | undefined): boolean {
  return win !== null && win !== undefined && win.innerWidth > 0 && win.innerWidth < TAB_FRAME_MAX_PX;
}
