import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createFrameUi } from './frame-ui';

/**
 * The docked panel: the extension's panel.html in an iframe fixed to the page's right edge.
 * The iframe keeps the panel in the extension's origin, out of the CRM's reach and CSS.
 * Collapsed, it shrinks to a slim tab so the CRM form underneath stays usable.
 */
export const PANEL_FRAME_ATTRIBUTE = 'data-sufler-panel';
export const PANEL_WIDTH_PX = 360;
export const COLLAPSED_WIDTH_PX = 44;

export interface PanelFrame {
  /** Load the panel page now, still hidden, so it has booted by the time a client is read. */
  preload(): void;
  setVisible(visible: boolean): void;
  setCollapsed(collapsed: boolean): void;
}

export function frameStyle(collapsed: boolean): Partial<CSSStyleDeclaration> {
  return collapsed
    ? { top: '96px', height: '200px', width: `${COLLAPSED_WIDTH_PX}px` }
    : { top: '0', height: '100vh', width: `${PANEL_WIDTH_PX}px` };
}

/** `pageUrl`: panel.html's full URL (runtime.getURL), from the content script's extension API. */
export function createPanelFrame(ctx: ContentScriptContext, title: string, pageUrl: string): PanelFrame {
  let visible = false;
  let collapsed = false;
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
    Object.assign(ui.wrapper.style, { display: 'block', ...frameStyle(collapsed) });
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
    setCollapsed(next) {
      collapsed = next;
      render();
    },
  };
}
