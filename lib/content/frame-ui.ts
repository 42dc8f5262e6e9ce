/**
 * An extension page in an iframe inside the host page: the wrapper and the frame are made
 * at once (the frame's `src` set before it is attached, so it navigates once), attached on
 * `mount()`, and taken out when the content script is torn down. Our own few lines instead
 * of WXT's iframe UI, which pulls a polyfill copy and an element waiter into the tab.
 */
export interface FrameUi {
  wrapper: HTMLDivElement;
  iframe: HTMLIFrameElement;
  mount(): void;
  remove(): void;
}

export interface FrameUiOptions {
  /** The extension page's full URL (runtime.getURL). */
  src: string;
  anchor: () => Element;
  onMount: (wrapper: HTMLDivElement, iframe: HTMLIFrameElement) => void;
  /** Registers the teardown (the content script context's onInvalidated). */
  onInvalidated: (cb: () => void) => void;
}

export function createFrameUi(doc: Document, options: FrameUiOptions): FrameUi {
  const wrapper = doc.createElement('div');
  const iframe = doc.createElement('iframe');
  iframe.src = options.src;
  wrapper.appendChild(iframe);
  const ui: FrameUi = {
    wrapper,
    iframe,
    mount() {
      options.onMount(wrapper, iframe);
      options.anchor().append(wrapper);
    },
    remove() {
      wrapper.remove();
    },
  };
  options.onInvalidated(() => ui.remove());
  return ui;
}
