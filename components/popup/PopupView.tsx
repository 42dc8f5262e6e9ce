import { useEffect, useState } from 'react';
import { makeTranslator, resolveLang } from '../../lib/i18n/translate';
import type { PanelState } from '../../lib/messaging/hub-messages';
import { errorText } from '../panel/error-text';
import { formatAgo } from '../../lib/i18n/relative-time';
import { SyncProblem } from '../panel/SyncProblem';
import { KeyClientList } from '../panel/KeyClientList';

export interface PopupViewProps {
  /** null until the background's first state arrives. */
  state: PanelState | null;
  /** False where the browser has no side panel API (Firefox): the panel is docked in the page there. */
  canOpenSidePanel: boolean;
  /** Called straight from the click: opening the side panel needs the user gesture. */
  onOpenPanel(): Promise<void>;
  onSyncNow(): Promise<void>;
  onOpenSettings(): void;
  navigatorLanguage?: string;
  now?: number;
}

type Notice = { tone: 'info' | 'ok' | 'error'; text: string } | null;

/** The toolbar popup: how sync stands, and the way to the panel and the settings. */
export function PopupView({ state, canOpenSidePanel, onOpenPanel, onSyncNow, onOpenSettings, navigatorLanguage, now }: PopupViewProps) {
  const lang = resolveLang(state?.settings.lang ?? null, navigatorLanguage ?? globalThis.navigator?.language);
  const t = makeTranslator(lang);
  const [notice, setNotice] = useState<Notice>(null);
  const at = now ?? Date.now();

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const openPanel = () => {
    if (!canOpenSidePanel) {
      setNotice({ tone: 'info', text: t('popup.noSidePanel') });
      return;
    }
    onOpenPanel().catch((error: unknown) => setNotice({ tone: 'error', text: t('popup.openFailed', { message: errorText(error, t) }) }));
  };

  const syncNow = () => {
    setNotice(null);
    onSyncNow().then(
      () => setNotice({ tone: 'ok', text: t('sync.nowStarted') }),
      (error: unknown) => setNotice({ tone: 'error', text: t('options.error', { message: errorText(error, t) }) }),
    );
  };

  const sync = state?.sync ?? null;
  const off = sync === null || sync.state === 'off';

  return (
    <main className="sf-popup" data-testid="popup" lang={lang}>
      <header className="sf-popup__header">
        <span className="sf-brand__logo" aria-hidden="true">S</span>
        <span className="sf-popup__name">{t('app.name')}</span>
        {sync !== null && (
          <span className={`sf-pill ${sync.state === 'error' || sync.state === 'backoff' ? 'sf-pill--warn' : ''}`} data-testid="popup-state">
            {t(`sync.state.${sync.state}`)}
          </span>
        )}
      </header>

      <section className="sf-popup__status" aria-live="polite" data-testid="popup-status">
        {sync === null ? (
          <p className="sf-muted" role="status">{t('status.connecting')}</p>
        ) : off ? (
          <p data-testid="popup-local">{t('syncLine.localHint')}</p>
        ) : (
          <>
            <p data-testid="popup-pending">{sync.pending > 0 ? t('sync.pending', { count: sync.pending }) : t('sync.allSent')}</p>
            <p data-testid="popup-last-success">
              {t('sync.lastSuccess', { when: sync.lastSuccessAt !== null ? formatAgo(sync.lastSuccessAt, at, lang) : t('sync.never') })}
            </p>
            {sync.lastError !== null && (sync.state === 'error' || sync.state === 'backoff') && (
              <p className="sf-popup__problem" data-testid="popup-last-error">
                <SyncProblem sync={sync} lang={lang} now={at} />
              </p>
            )}
            {sync.rejectedCount > 0 && (
              <p className="sf-popup__error" data-testid="popup-rejected">{t('sync.rejected.title', { count: sync.rejectedCount })}</p>
            )}
          </>
        )}
      </section>

      <KeyClientList view={state?.keyClients} lang={lang} now={at} />

      <div className="sf-popup__actions">
        <button type="button" className="sf-btn sf-btn--primary" data-testid="popup-open-panel" onClick={openPanel}>
          {t('popup.openPanel')}
        </button>
        <button type="button" className="sf-btn" data-testid="popup-sync-now" disabled={off || sync.state === 'syncing'} onClick={syncNow}>
          {t('sync.now')}
        </button>
        <a className="sf-btn" href="dashboard.html" target="_blank" rel="noopener" title={t('dashboard.openHint')} data-testid="popup-dashboard">
          {t('dashboard.open')}
        </a>
        <button type="button" className="sf-btn sf-btn--ghost" data-testid="popup-settings" onClick={onOpenSettings}>
          {t('popup.settings')}
        </button>
      </div>

      {notice !== null && (
        <p className={`sf-popup__notice sf-popup__notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="popup-notice">
          {notice.text}
        </p>
      )}
    </main>
  );
}
