import type { Lang } from '../../lib/i18n/lang';
import { formatAgo } from '../../lib/i18n/relative-time';
import { makeTranslator } from '../../lib/i18n/translate';
import { syncErrorText } from '../../lib/sync/sync-error-text';
import type { SyncStatus } from '../../lib/sync/sync-status';

export interface SyncProblemProps {
  sync: SyncStatus;
  lang: Lang;
  now: number;
}

/**
 * A failed sync, said calmly and the same way in the panel and the popup: nothing logged is
 * lost, and either we retry by ourselves or someone needs to look. The technical reason is one
 * click away, not in the manager's face.
 */
export function SyncProblem({ sync, lang, now }: SyncProblemProps) {
  const t = makeTranslator(lang);
  if (sync.lastError === null) return null;
  const retrying = sync.state !== 'error';
  return (
    <span className="sf-sync-problem" data-testid="sync-problem">
      <span data-testid="sync-problem-text">{t(retrying ? 'syncProblem.retry' : 'syncProblem.stopped')}</span>{' '}
      <details className="sf-sync-problem__details">
        <summary data-testid="sync-problem-more">{t('syncProblem.details')}</summary>
        <span data-testid="sync-problem-reason">
          {syncErrorText(sync.lastError, sync.serverUrl, t)} ({formatAgo(sync.lastError.at, now, lang)})
        </span>
      </details>
    </span>
  );
}
