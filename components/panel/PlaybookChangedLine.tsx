import type { Lang, LocalizedText } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { PlaybookNotice } from '../../lib/playbook/playbook-change';

/** The words of what a team playbook version changed, in the panel's language. */
export function describeChange(notice: PlaybookNotice, lang: Lang): string {
  const t = makeTranslator(lang);
  const names = (list: LocalizedText[]) => list.map((n) => n[lang]).join(', ');
  const { change } = notice;
  const parts = [
    change.stagesAdded.length > 0 ? t('book.change.stagesAdded', { list: names(change.stagesAdded) }) : '',
    change.stagesRemoved.length > 0 ? t('book.change.stagesRemoved', { list: names(change.stagesRemoved) }) : '',
    change.scriptsChanged.length > 0 ? t('book.change.scripts', { list: names(change.scriptsChanged) }) : '',
    change.objectionsChanged > 0 ? t('book.change.objections', { count: change.objectionsChanged }) : '',
  ].filter((p) => p !== '');
  return t('book.changed', { version: notice.version, changes: parts.length > 0 ? parts.join(' ') : t('book.changedNothing') });
}

/** One dismissible line: the team published a new playbook version, and what it changed. */
export function PlaybookChangedLine({ notice, lang, onDismiss }: { notice: PlaybookNotice; lang: Lang; onDismiss(version: number): void }) {
  const t = makeTranslator(lang);
  return (
    <p className="sf-banner sf-banner--info" role="status" data-testid="playbook-changed">
      <span>{describeChange(notice, lang)}</span>
      <button type="button" className="sf-btn sf-btn--ghost sf-banner__close" data-testid="playbook-changed-dismiss" onClick={() => onDismiss(notice.version)}>
        {t('book.dismiss')}
      </button>
    </p>
  );
}
