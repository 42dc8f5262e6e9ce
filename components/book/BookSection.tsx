import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../lib/playbook/parse-playbook';
import type { Playbook } from '../../lib/playbook/schema';
import type { Lang } from '../../lib/i18n/lang';
import type { Translator } from '../../lib/i18n/translate';
import type { BookApi } from '../../lib/sales-book/book-api';
import { checkDraft } from '../../lib/sales-book/editor-errors';
import { PRINT_KEY } from '../../lib/sales-book/print-handoff';
import type { PublishPlaybookResponse } from '../../lib/wire/playbooks';
import { REPORT_ERROR_CODES, type ReportError } from '../../lib/reports/report-messages';
import { PlaybookEditor } from './PlaybookEditor';
import './book.css';

export interface BookSectionProps {
  api: BookApi;
  lang: Lang;
  t: Translator;
  /** Where the printable page is opened; window.open by default. */
  openPage?: (url: string) => void;
  /** Where the print handoff is kept: the extension's localStorage by default. */
  storage?: Pick<Storage, 'setItem'>;
}

type Status = { kind: 'idle' | 'busy' | 'done' | 'failed'; text: string; problems?: string[] };

function isReportError(e: unknown): e is ReportError {
  return typeof e === 'object' && e !== null && (REPORT_ERROR_CODES as readonly string[]).includes((e as { code?: string }).code ?? '');
}

/**
 * The sales book editor on the options page, loaded lazily: the team's draft (or the published
 * version, or the default) edited in place, saved as the draft, published, rolled back.
 */
export default function BookSection({ api, lang, t, openPage, storage }: BookSectionProps) {
  const [draft, setDraft] = useState<Playbook | null>(null);
  const [versions, setVersions] = useState<PublishPlaybookResponse[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [offline, setOffline] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  const failText = (error: unknown) =>
    isReportError(error) ? t(`dashboard.error.${error.code}`, { message: error.message }) : error instanceof Error ? error.message : String(error);

  const loadVersions = () =>
    api.versions().then(setVersions, () => setVersions(null));

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const saved = await api.draft();
        const parsed = saved === null ? null : parsePlaybook(saved.playbook);
        const list = await api.versions();
        const newest = list[0];
        const published = parsed?.ok || newest === undefined ? null : parsePlaybook((await api.version(newest.version)).playbook);
        if (!live) return;
        setVersions(list);
        setDraft(parsed?.ok ? parsed.playbook : published?.ok ? published.playbook : DEFAULT_PLAYBOOK);
      } catch {
        // No server (or not a head): the editor still works on the default, for export and print.
        if (!live) return;
        setOffline(true);
        setDraft(DEFAULT_PLAYBOOK);
      }
    })();
    return () => {
      live = false;
    };
  }, [api]);

  if (draft === null) return <p className="sf-muted" role="status">{t('book.loading')}</p>;
  const check = checkDraft(draft);

  const run = async (busy: string, work: () => Promise<string>) => {
    setStatus({ kind: 'busy', text: busy });
    try {
      setStatus({ kind: 'done', text: await work() });
    } catch (error) {
      setStatus({ kind: 'failed', text: failText(error) });
    }
  };

  const exportJson = () => {
    const blob = new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${draft.id || 'playbook'}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importJson = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const parsed = parsePlaybook(await chosen.text());
    if (parsed.ok) {
      setDraft(parsed.playbook);
      setStatus({ kind: 'done', text: t('options.imported', { file: chosen.name }) });
    } else {
      setStatus({ kind: 'failed', text: t('options.importErrors', { file: chosen.name, count: parsed.errors.length }), problems: parsed.errors });
    }
  };

  const openBook = () => {
    (storage ?? globalThis.localStorage).setItem(PRINT_KEY, JSON.stringify(draft));
    (openPage ?? ((url) => globalThis.open(url, '_blank', 'noopener')))('book.html');
  };

  const valid = check.playbook !== null;
  return (
    <div className="sf-book" data-testid="book-section">
      {offline && <p className="sf-notice" data-testid="book-offline">{t('book.offline')}</p>}
      <div className="sf-row sf-book__toolbar">
        <button type="button" className="sf-btn" data-testid="book-save" disabled={offline || !valid || status.kind === 'busy'} onClick={() => void run(t('book.saving'), async () => (await api.saveDraft(draft), t('book.saved')))}>
          {t('book.saveDraft')}
        </button>
        <button
          type="button"
          className="sf-btn sf-btn--primary"
          data-testid="book-publish"
          disabled={offline || !valid || status.kind === 'busy'}
          onClick={() =>
            void run(t('book.publishing'), async () => {
              const done = await api.publish(draft);
              await loadVersions();
              return t('book.published', { version: done.version });
            })
          }
        >
          {t('book.publish')}
        </button>
        <button type="button" className="sf-btn" data-testid="book-export" onClick={exportJson}>{t('book.export')}</button>
        <input ref={file} type="file" accept=".json,application/json" className="sf-visually-hidden" data-testid="book-file" tabIndex={-1} onChange={(e) => void importJson(e)} />
        <button type="button" className="sf-btn" data-testid="book-import" onClick={() => file.current?.click()}>{t('book.import')}</button>
        <button type="button" className="sf-btn" data-testid="book-print" disabled={!valid} onClick={openBook}>{t('book.openBook')}</button>
      </div>
      <div aria-live="polite" data-testid="book-status">
        {status.kind === 'busy' && <p className="sf-muted">{status.text}</p>}
        {status.kind === 'done' && <p className="sf-notice sf-notice--ok">✓ {status.text}</p>}
      </div>
      {status.kind === 'failed' && (
        <div className="sf-notice sf-notice--error" role="alert" data-testid="book-failed">
          <p>{status.text}</p>
          {status.problems && (
            <ul>
              {status.problems.map((p, i) => (
                <li key={i}><code>{p}</code></li>
              ))}
            </ul>
          )}
        </div>
      )}
      <PlaybookEditor draft={draft} onChange={setDraft} lang={lang} t={t} />
      {versions !== null && (
        <section className="sf-book__versions" aria-label={t('book.versions')}>
          <h3 className="sf-card__title">{t('book.versions')}</h3>
          {versions.length === 0 ? (
            <p className="sf-muted">{t('book.noVersions')}</p>
          ) : (
            <ol data-testid="book-versions">
              {versions.map((v, i) => (
                <li key={v.version} data-testid="book-version">
                  <span>
                    {t('book.versionLine', { version: v.version, who: v.publishedBy, when: new Date(v.publishedAt).toLocaleString(lang) })}
                    {v.restoredFrom != null && ` · ${t('book.restoredFrom', { version: v.restoredFrom })}`}
                  </span>
                  {i > 0 && (
                    <button
                      type="button"
                      className="sf-btn sf-btn--small"
                      data-testid="book-rollback"
                      disabled={status.kind === 'busy'}
                      onClick={() =>
                        void run(t('book.publishing'), async () => {
                          const done = await api.rollback(v.version);
                          const restored = parsePlaybook((await api.version(done.version)).playbook);
                          if (restored.ok) setDraft(restored.playbook);
                          await loadVersions();
                          return t('book.rolledBack', { version: v.version, now: done.version });
                        })
                      }
                    >
                      {t('book.rollback', { version: v.version })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
