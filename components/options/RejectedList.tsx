import type { Translator } from '../../lib/i18n/translate';
import type { SyncStatus } from '../../lib/sync/sync-status';

/** Items the server refused: kept in the browser and always listed, each with its reason. */
export function RejectedList({ sync, t }: { sync: SyncStatus; t: Translator }) {
  if (sync.rejectedCount === 0 && sync.rejected.length === 0) return null;
  const total = Math.max(sync.rejectedCount, sync.rejected.length);
  const more = total - sync.rejected.length;
  return (
    <div className="sf-notice sf-notice--error sf-options__problems" data-testid="sync-rejected">
      <p>{t('sync.rejected.title', { count: total })}</p>
      <p className="sf-options__note">{t('sync.rejected.hint')}</p>
      <ul>
        {sync.rejected.map((item) => (
          <li key={`${item.entity}:${item.entityId}`} data-testid="sync-rejected-item">
            <strong>{t(`sync.entity.${item.entity}`)}</strong>: {item.summary}
            <br />
            <code>{t('sync.reason', { reason: item.reason })}</code>
          </li>
        ))}
      </ul>
      {more > 0 && <p data-testid="sync-rejected-more">{t('sync.rejected.more', { count: more })}</p>}
    </div>
  );
}
