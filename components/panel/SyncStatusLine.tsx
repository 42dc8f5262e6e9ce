import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { formatAgo } from '../../lib/i18n/relative-time';
import { SyncProblem } from './SyncProblem';

export interface SyncStatusLineProps {
  sync: SyncStatus;
  lang: Lang;
  now: number;
}

/**
 * One line at the foot of the panel: is what I log safe, and has it reached the team?
 * Details and the rejected items live on the options page; this only points there.
 */
export function SyncStatusLine({ sync, lang, now }: SyncStatusLineProps) {
  const t = makeTranslator(lang);

  if (sync.state === 'off') {
    return (
      <footer className="sf-sync-line" data-testid="sync-line" data-sync-state="off" title={t('syncLine.localHint')}>
        <span className="sf-sync-line__dot" aria-hidden="true" />
        <span>{t('syncLine.local')}</span>
      </footer>
    );
  }

  const failing = (sync.state === 'error' || sync.state === 'backoff') && sync.lastError !== null;
  let main: string;
  let tone: 'ok' | 'warn' | 'danger' | 'info';
  if (failing) {
    // Said by SyncProblem below, in the same words as the popup.
    main = '';
    tone = 'warn';
  } else if (sync.state === 'syncing') {
    main = t('syncLine.syncing');
    tone = 'info';
  } else if (sync.pending > 0) {
    main = t('syncLine.pending', { count: sync.pending });
    tone = 'warn';
  } else if (sync.lastSuccessAt !== null) {
    main = t('syncLine.synced', { when: formatAgo(sync.lastSuccessAt, now, lang) });
    tone = 'ok';
  } else {
    main = t('syncLine.connected');
    tone = 'info';
  }

  return (
    <footer className={`sf-sync-line sf-sync-line--${tone}`} data-testid="sync-line" data-sync-state={sync.state} title={sync.serverUrl ?? undefined}>
      <span className="sf-sync-line__dot" aria-hidden="true" />
      {failing ? <SyncProblem sync={sync} lang={lang} now={now} /> : <span data-testid="sync-line-main">{main}</span>}
      {failing && sync.pending > 0 && <span className="sf-muted">{t('syncLine.pending', { count: sync.pending })}</span>}
      {sync.rejectedCount > 0 && (
        <span className="sf-pill sf-pill--danger" data-testid="sync-line-rejected">
          {t('syncLine.rejected', { count: sync.rejectedCount })}
        </span>
      )}
    </footer>
  );
}
