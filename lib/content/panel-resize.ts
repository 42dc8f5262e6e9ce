import { PANEL_WIDTH_MAX, PANEL_WIDTH_MIN, clampPanelWidth } from '../settings/panel-width';

/** One arrow key press; with Shift, a bigger step. */
const KEY_STEP_PX = 16;
const KEY_BIG_STEP_PX = 64;

export interface ResizeHandle {
  element: HTMLElement;
  setWidth(width: number): void;
  setShown(shown: boolean): void;
}

export interface ResizeCallbacks {
  /** While dragging or pressing keys: the width to show now. */
  onInput(width: number): void;
  /** The manager let go (or paused on the keys): the width to keep. */
  onCommit(width: number): void;
}

/**
 * The panel's left edge as a handle: drag it, or focus it and use the arrow keys (left widens
 * the panel, right narrows it; Home and End go to the narrowest and widest). It lives in the
 * page next to the iframe, so a drag keeps its pointer when it crosses into the CRM.
 */
export function createResizeHandle(doc: Document, label: string, callbacks: ResizeCallbacks): ResizeHandle {
  const handle = doc.createElement('div');
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.setAttribute('aria-label', label);
  handle.setAttribute('aria-valuemin', String(PANEL_WIDTH_MIN));
  handle.setAttribute('aria-valuemax', String(PANEL_WIDTH_MAX));
  handle.setAttribute('data-sufler-resize', '');
  handle.tabIndex = 0;
  handle.title = label;
  Object.assign(handle.style, {
    position: 'absolute',
    left: '-4px',
    top: '0',
    bottom: '0',
    width: '8px',
    cursor: 'ew-resize',
    touchAction: 'none',
    zIndex: '1',
    outlineOffset: '-2px',
  });

  let width = 0;
  let commitTimer: ReturnType<typeof setTimeout> | undefined;
  const show = (next: number) => {
    width = clampPanelWidth(next);
    handle.setAttribute('aria-valuenow', String(width));
    callbacks.onInput(width);
  };

  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const fromRight = doc.documentElement.clientWidth;
    const move = (e: PointerEvent) => show(fromRight - e.clientX);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      callbacks.onCommit(width);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  });

  handle.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? KEY_BIG_STEP_PX : KEY_STEP_PX;
    const next =
      event.key === 'ArrowLeft' ? width + step
      : event.key === 'ArrowRight' ? width - step
      : event.key === 'Home' ? PANEL_WIDTH_MIN
      : event.key === 'End' ? PANEL_WIDTH_MAX
      : null;
    if (next === null) return;
    event.preventDefault();
    show(next);
    // Keep the width once the keys rest, not on every press.
    clearTimeout(commitTimer);
    commitTimer = setTimeout(() => callbacks.onCommit(width), 400);
  });

  return {
    element: handle,
    setWidth(next) {
      width = clampPanelWidth(next);
      handle.setAttribute('aria-valuenow', String(width));
    },
    setShown(shown) {
      handle.style.display = shown ? 'block' : 'none';
    },
  };
}
