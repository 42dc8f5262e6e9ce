import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onPageData, requestPageData, stopPageData } from '../adapters/page-data-channel';
import type { SiteAdapter } from '../adapters/types';
import type { ClientContext } from '../context/client-context';
import { applyOutline, clearOutline } from '../highlight/field-outline';
import { revealField } from '../highlight/reveal-field';
import {
  isPanelCollapsed,
  parseBackgroundToContent,
  parseOutline,
  type Outline,
} from '../messaging/content-messages';
import { SETTINGS_KEY } from '../settings/settings-key';
import { watchContext } from '../watcher/context-watcher';
import type { ContentExtensionApi } from './content-api';
import { whenIdle } from './after-page-load';
import { storedPanelWidth } from '../settings/panel-width';
import { createPanelDock } from './panel-dock';
import { createPanelFrame } from './panel-frame';

/**
 * The first read waits for the page's idle time, this long at most: the panel page needs
 * longer than that to boot in the extension's process, so the panel is not slower for it.
 */
const FIRST_READ_IDLE_TIMEOUT_MS = 150;

/**
 * The CRM tab's side of Sufler: read the card, tell the background, outline what the
 * background says is missing, and dock the panel. No React and no storage of user data
 * here: this code runs inside the CRM's page.
 */
export function startCrmContent(ctx: ContentScriptContext, browser: ContentExtensionApi, adapter: SiteAdapter): void {
  const currentUrl = () => new URL(location.href);
  if (!adapter.matches(currentUrl())) return;
  // On sites injected into every frame, a child frame matters only when it is a card (a slider).
  const topFrame = window === window.top;
  if (!topFrame && !adapter.isCard(currentUrl())) return;

  let pageData: unknown;
  let outline: Outline = { enabled: false, keys: [] };
  let publishSeq = 0;
  /** True while our own read asks the bridge for a snapshot: its answer needs no new read. */
  let requesting = false;
  const reader = adapter.createReader();
  // The card's own event feed travels with its context (lib/crm-feed), read as incrementally.
  let feedReader = adapter.createFeedReader?.() ?? null;
  let feedUrl = '';
  const withFeed = (context: ClientContext | null, changed: ReadonlySet<Node> | null): ClientContext | null => {
    if (context === null || feedReader === null) return context;
    const sameCard = context.url === feedUrl;
    feedUrl = context.url;
    try {
      const feed = feedReader(document, sameCard ? changed : null, Date.now());
      return feed === null ? context : { ...context, feed };
    } catch {
      // A feed we cannot read leaves the card as it is; the next read starts afresh.
      feedReader = adapter.createFeedReader?.() ?? null;
      return context;
    }
  };
  const frame = createPanelFrame(ctx, browser.i18n.getMessage('extName') || 'Sufler', browser.runtime.getURL('/panel.html'));
  const dock = createPanelDock({
    doc: document,
    win: window,
    frame,
    feedSelectors: adapter.feedSelectors,
    resizeLabel: browser.i18n.getMessage('panelResize') || 'Panel width',
    saveWidth: (width) => void browser.runtime.sendMessage({ type: 'panel:width', width }).catch(() => {}),
    signal: ctx.signal,
  });
  // We start after the page's load; on a card URL the panel page (the slowest part of the
  // way to a panel on screen) starts booting now, in the extension's process.
  if (adapter.isCard(currentUrl())) frame.preload();

  /** The top frame left the card to a child frame's script (a slider over a list). */
  let deferred = false;
  const childFrameHasCard = () => topFrame && adapter.cardInChildFrame?.(document, currentUrl()) === true;

  const startReading = (): void => {
    const renderOutline = () => {
      const elements = outline.enabled
        ? outline.keys.flatMap((key) => adapter.locateField(document, key) ?? [])
        : [];
      applyOutline(document, elements);
    };

    const publish = async (context: ClientContext | null) => {
      if (context === null && childFrameHasCard()) return;
      const seq = ++publishSeq;
      dock.setVisible(context !== null);
      try {
        const reply = await browser.runtime.sendMessage({ type: 'context:publish', context });
        const parsed = parseOutline(reply);
        // A slower answer to an older context must not overwrite a newer one.
        if (parsed && seq === publishSeq) {
          outline = parsed;
          renderOutline();
        }
      } catch {
        // The background is restarting or the extension was updated; the next change republishes.
      }
    };

    const watcher = watchContext<ClientContext>({
      doc: document,
      read: (changed) => {
        // The watcher is the one detector of edits: after a change in the page it asks the
        // bridge for the model's snapshot, answered synchronously, so the read below is current
        // and no second read follows. A full read (start, navigation, new page data) already
        // has the snapshot the bridge sent.
        if (changed !== null) {
          requesting = true;
          try {
            requestPageData(document);
          } finally {
            requesting = false;
          }
        }
        const context = withFeed(reader(document, currentUrl(), pageData, changed), changed);
        // The slider closed: the card it published is gone, say so (the watcher sees null → null).
        const wasDeferred = deferred;
        deferred = context === null && childFrameHasCard();
        if (wasDeferred && !deferred && context === null) void publish(null);
        // The CRM may re-render its form and drop our marks; put them back on every read.
        renderOutline();
        return context;
      },
      publish: (context) => void publish(context),
      signal: ctx.signal,
    });

    onPageData(document, ctx.signal, (source, payload) => {
      if (source !== adapter.id) return;
      pageData = payload;
      if (!requesting) watcher.poke();
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => watcher.poke());

    const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      const parsed = parseBackgroundToContent(message);
      if (!parsed) return;
      if (parsed.type === 'crm:note-fill') {
        let filled = false;
        try {
          filled = adapter.fillNoteComposer?.(document, parsed.text) ?? false;
        } catch {
          filled = false;
        }
        sendResponse({ filled });
        return;
      }
      if (parsed.type === 'field:reveal') {
        const field = adapter.locateField(document, parsed.key);
        if (field) revealField(document, field);
        return;
      }
      outline = parsed.outline;
      renderOutline();
    };
    browser.runtime.onMessage.addListener(onMessage);

    // Settings are only read here; the background is their one writer (the collapse shortcut too).
    const applySettings = (raw: unknown) => dock.setSettings(isPanelCollapsed(raw), storedPanelWidth(raw, location.host));
    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) applySettings(changes[SETTINGS_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onStorage);
    void browser.storage.local.get(SETTINGS_KEY).then((stored) => applySettings(stored[SETTINGS_KEY]));

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      browser.storage.onChanged.removeListener(onStorage);
      clearOutline(document);
      // The bridge in the page's world takes its history hooks out.
      stopPageData(document);
    });

    // The first read is a task of its own too (the bridge's snapshot came in this one).
    watcher.poke();
  };
  // The panel page boots in the extension's process while we read: our first read (with
  // the bridge's snapshot) is a task of its own at the page's next idle moment.
  whenIdle(window, ctx.signal, startReading, FIRST_READ_IDLE_TIMEOUT_MS);
}
