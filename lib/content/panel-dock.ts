import { isDockExpandMessage } from '../messaging/dock-messages';
import { PANEL_WIDTH_DEFAULT, PANEL_WIDTH_MIN, clampPanelWidth } from '../settings/panel-width';
import { COLLAPSED_WIDTH_PX, type PanelFrame } from './panel-frame';
import { chooseRoomMode, findFeed, reserveRoom, tryPush, type RoomMode } from './panel-room';
import { createResizeHandle } from './panel-resize';

export interface PanelDock {
  setVisible(visible: boolean): void;
  /** From the settings: folded by the manager, and the width kept for this site. */
  setSettings(collapsed: boolean, width: number): void;
  /** The current mode, for tests and the bench. */
  mode(): RoomMode;
}

export interface PanelDockOptions {
  doc: Document;
  win: Window;
  frame: PanelFrame;
  feedSelectors: readonly string[] | undefined;
  resizeLabel: string;
  /** Remember a width the manager chose (the background writes the settings). */
  saveWidth(width: number): void;
  signal: AbortSignal;
}

/**
 * Lays the docked panel out beside the CRM: pushes the page aside when it fits, folds to a
 * tab when it does not, lies over the page when opened from that tab, and follows the window.
 */
export function createPanelDock({ doc, win, frame, feedSelectors, resizeLabel, saveWidth, signal }: PanelDockOptions): PanelDock {
  let visible = false;
  let collapsed = false;
  let overlayWanted = false;
  let width = PANEL_WIDTH_DEFAULT;
  let current: RoomMode = 'collapsed';
  let handleMounted = false;

  const handle = createResizeHandle(doc, resizeLabel, {
    onInput(next) {
      width = next;
      layout();
    },
    onCommit(next) {
      width = next;
      layout();
      saveWidth(next);
    },
  });

  const layout = () => {
    if (!visible) {
      reserveRoom(doc, 0);
      frame.setVisible(false);
      return;
    }
    // The manager's width, or as much of it as leaves the CRM readable.
    const pushed = collapsed ? 0 : tryPush(doc, width, findFeed(doc, feedSelectors), PANEL_WIDTH_MIN);
    current = chooseRoomMode({ collapsed, overlayWanted, pushFits: pushed > 0 });
    const tab = current === 'collapsed' || current === 'tab';
    const shown = pushed > 0 ? pushed : width;
    // The tab has its own strip, so nothing of the CRM lies under it; only a panel opened
    // over a narrow window covers the page, because the manager asked for it.
    if (tab) reserveRoom(doc, COLLAPSED_WIDTH_PX);
    frame.setLayout({ tab, width: shown });
    frame.setVisible(true);
    if (!handleMounted) {
      frame.wrapper().append(handle.element);
      handleMounted = true;
    }
    handle.setWidth(shown);
    handle.setShown(!tab);
  };

  let frameRequest = 0;
  win.addEventListener(
    'resize',
    () => {
      cancelAnimationFrame(frameRequest);
      frameRequest = requestAnimationFrame(layout);
    },
    { signal },
  );
  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      // Only the panel's own window; anything the page posts is ignored.
      if (event.source === null || event.source !== frame.panelWindow()) return;
      if (isDockExpandMessage(event.data)) {
        overlayWanted = true;
        layout();
      }
    },
    { signal },
  );
  signal.addEventListener('abort', () => reserveRoom(doc, 0));

  return {
    setVisible(next) {
      // Called on every publish: measure again only when the panel appears or goes.
      if (next === visible) return;
      visible = next;
      layout();
    },
    setSettings(nextCollapsed, nextWidth) {
      // Folding by hand ends an overlay; opening again starts from the window's own choice.
      if (nextCollapsed) overlayWanted = false;
      collapsed = nextCollapsed;
      width = clampPanelWidth(nextWidth);
      layout();
    },
    mode: () => current,
  };
}
