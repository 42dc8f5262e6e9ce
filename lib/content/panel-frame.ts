import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createFrameUi } from './frame-ui';

/**
 * The docked panel: the extension's panel.html in an iframe fixed to the page's right edge.
 * The iframe keeps the panel in the extension's origin, out of the CRM's reach and CSS.
 * As a tab (folded by the manager, or by a window too narrow for both) it shrinks to a slim
 * tab so the CRM form underneath stays usable. How wide it is and whether the page makes
 * room for it is decided in panel-room.ts; the drag handle lives in panel-resize.ts.
 */
export const PANEL_FRAME_ATTRIBUTE = 'data-sufler-panel';
export const COLLAPSED_WIDTH_PX = 44;

export interface FrameLayout {
  /** The slim tab instead of the full-height column. */
  tab: boolean;
  /** The column's width in px. */
  width: number;
}

export interface PanelFrame {
  /** Load the panel page now, still hidden, so it has booted by the time a client is read. */
  preload(): void;
  setVisible(visible: boolean): void;
  setLayout(layout: FrameLayout): void;
  /** The wrapper in the page (the resize handle goes in it); mounted by preload or setVisible. */
  wrapper(): HTMLElement;
  /** The panel page's window, to tell its messages from the page's own. */
  panelWindow(): Window | null;
}

export function frameStyle({ tab, width }: FrameLayout): Partial<CSSStyleDeclaration> {
  return tab
    ? { top: '96px', height: '200px', width: `${COLLAPSED_WIDTH_PX}px` }
    : { top: '0', height: '100vh', width: `${width}px` };
}

/** `pageUrl`: panel.html's full URL (runtime.getURL), from the content script's extension API. */
export function createPanelFrame(ctx: ContentScriptContext, title: string, pageUrl: string): PanelFrame {
  let visible = false;
  let layout: FrameLayout = { tab: false, width: 360 };
  let mounted = false;

  const ui = createFrameUi(document, {
    src: pageUrl,
    onInvalidated: (cb) => ctx.onInvalidated(cb),
    // Mounted after the page's load (lib/content/after-page-load.ts), so an iframe never
    // holds the CRM's own load event; the wrapper is fixed-position either way.
    anchor: () => document.body ?? document.documentElement,
    onMount: (wrapper, iframe) => {
      wrapper.setAttribute(PANEL_FRAME_ATTRIBUTE, '');
      Object.assign(wrapper.style, {
        position: 'fixed',
        right: '0',
        zIndex: '2147483000',
        boxShadow: '-2px 0 12px rgba(15, 23, 42, 0.18)',
        background: '#fff',
      });
      iframe.title = title;
      // The copy buttons of the panel write to the clipboard; a cross-origin frame needs it delegated.
      iframe.allow = 'clipboard-write';
      Object.assign(iframe.style, {
        width: '100%',
        height: '100%',
        border: '0',
        display: 'block',
        colorScheme: 'light',
      });
    },
  });

  const mountOnce = () => {
    if (mounted) return;
    ui.mount();
    mounted = true;
  };

  const render = () => {
    if (!visible) {
      ui.wrapper.style.display = 'none';
      return;
    }
    mountOnce();
    Object.assign(ui.wrapper.style, { display: 'block', ...frameStyle(layout) });
  };

  return {
    preload() {
      // Hidden before it is attached: one style pass, and the page lays nothing out for it.
      render();
      mountOnce();
    },
    setVisible(next) {
      visible = next;
      render();
    },
    setLayout(next) {
      layout = next;
      render();
    },
    wrapper: () => ui.wrapper,
    panelWindow: () => (mounted ? ui.iframe.contentWindow : null),
  };
}
