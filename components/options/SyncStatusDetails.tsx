import { useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import type { Translator } from '../../lib/i18n/translate';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../panel/error-text';
import { formatDateTime } from '../../lib/i18n/format-date';
import { formatAgo, formatRelative } from '../../lib/i18n/relative-time';
import { syncErrorText } from '../../lib/sync/sync-error-text';

export interface SyncStatusDetailsProps {
  sync: SyncStatus;
  lang: Lang;
  t: Translator;
  now: number;
  onSyncNow(): Promise<void>;
}

const STATE_TONE: Record<SyncStatus['state'], string> = {
  off: '',
  idle: 'sf-pill--ok',
  syncing: '',
  backoff: 'sf-pill--warn',
  error: 'sf-pill--danger',
};

/** The live sync state of a connected server, as the background reports it. */
export function SyncStatusDetails({ sync, lang, t, now, onSyncNow }: SyncStatusDetailsProps) {
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  // Past moments never read as future ones when clocks differ; the next attempt is a future one.
  const when = (at: number) => formatAgo(at, now, lang);

  const syncNow = () => {
    setFeedback(null);
    onSyncNow().then(
      () => setFeedback({ ok: true, text: t('sync.nowStarted') }),
      (error: unknown) => setFeedback({ ok: false, text: t('options.error', { message: errorText(error, t) }) }),
    );
  };

  return (
    <div className="sf-options__status" data-testid="sync-status" aria-live="polite">
      <h3 className="sf-options__subtitle">
        {t('sync.status.title')}{' '}
        <span className={`sf-pill ${STATE_TONE[sync.state]}`} data-testid="sync-state">{t(`sync.state.${sync.state}`)}</span>
      </h3>
      {sync.serverUrl !== null && <p>{t('sync.connectedTo', { server: sync.serverUrl })}</p>}
      <p data-testid="sync-pending">{sync.pending > 0 ? t('sync.pending', { count: sync.pending }) : t('sync.allSent')}</p>
      <p data-testid="sync-last-success" title={sync.lastSuccessAt !== null ? formatDateTime(sync.lastSuccessAt, lang) : undefined}>
        {t('sync.lastSuccess', { when: sync.lastSuccessAt !== null ? when(sync.lastSuccessAt) : t('sync.never') })}
      </p>
      {sync.lastError !== null && (
        <p className="sf-options__error" data-testid="sync-last-error" title={formatDateTime(sync.lastError.at, lang)}>
          {t('sync.lastError', { when: when(sync.lastError.at), text: syncErrorText(sync.lastError, sync.serverUrl, t) })}
        </p>
      )}
      {sync.nextAttemptAt !== null && (
        <p data-testid="sync-next-attempt" title={formatDateTime(sync.nextAttemptAt, lang)}>
          {t('sync.nextAttempt', { when: formatRelative(sync.nextAttemptAt, now, lang) })}
        </p>
      )}
      <div className="sf-row sf-options__actions">
        <button type="button" className="sf-btn" data-testid="sync-now" disabled={sync.state === 'syncing'} onClick={syncNow}>
          {t('sync.now')}
        </button>
        {feedback !== null && (
          <span className={feedback.ok ? 'sf-options__saved' : 'sf-options__error'} data-testid="sync-now-feedback">{feedback.text}</span>
        )}
      </div>
    </div>
  );
}
