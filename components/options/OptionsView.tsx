import { lazy, Suspense, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { LANGS, type Lang } from '../../lib/i18n/lang';
import { makeTranslator, resolveLang, translate } from '../../lib/i18n/translate';
import type { Settings, SettingsPatch } from '../../lib/settings/settings';
import type { SyncStatus } from '../../lib/sync/sync-status';
import { errorText } from '../panel/error-text';
import type { BookApi } from '../../lib/sales-book/book-api';
import type { ServerDeps } from './server-deps';
import { ServerSection } from './ServerSection';
import { DigestHourField } from './DigestHourField';

export interface OptionsViewProps {
  /** null until the background sent the settings. */
  settings: Settings | null;
  onSettingsChange(patch: SettingsPatch): Promise<void>;
  /** Sends the file's text; rejects with the background's list of problems, one per line. */
  onImportPlaybook(text: string): Promise<void>;
  onResetPlaybook(): Promise<void>;
  /** The background's sync status; null until its first state. */
  sync: SyncStatus | null;
  server: ServerDeps;
  navigatorLanguage?: string;
  /** Epoch ms for "synced 2 min ago"; Date.now() by default. */
  now?: number;
  /** The sales book editor's server calls; without it the editor is not offered. */
  book?: BookApi;
}

// The editor is loaded when a head opens it: most people open the options for the settings.
const BookSection = lazy(() => import('../book/BookSection'));

type PlaybookStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; text: string }
  | { kind: 'failed'; text: string; problems: string[] };

/** The background joins the import errors with newlines; each line names a path and a problem. */
export function splitProblems(message: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function OptionsView({ settings, onSettingsChange, onImportPlaybook, onResetPlaybook, sync, server, navigatorLanguage, now, book }: OptionsViewProps) {
  const lang = resolveLang(settings?.lang ?? null, navigatorLanguage ?? globalThis.navigator?.language);
  const t = makeTranslator(lang);
  const baseId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [playbook, setPlaybook] = useState<PlaybookStatus>({ kind: 'idle' });
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'options.title');
  }, [lang]);

  const change = (patch: SettingsPatch) => {
    setSaved(null);
    onSettingsChange(patch).then(
      () => setSaved(t('options.saved')),
      (error: unknown) => setSaved(t('options.error', { message: errorText(error, t) })),
    );
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again after fixing it must fire again
    if (!file) return;
    setPlaybook({ kind: 'busy', text: t('options.importing', { file: file.name }) });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setPlaybook({ kind: 'failed', text: t('options.readError', { file: file.name }), problems: [] });
      return;
    }
    try {
      await onImportPlaybook(text);
      setPlaybook({ kind: 'done', text: t('options.imported', { file: file.name }) });
    } catch (error) {
      const problems = splitProblems(errorText(error, t));
      setPlaybook({
        kind: 'failed',
        text: t('options.importErrors', { file: file.name, count: problems.length }),
        problems,
      });
    }
  };

  const reset = async () => {
    setPlaybook({ kind: 'busy', text: t('options.resetting') });
    try {
      await onResetPlaybook();
      setPlaybook({ kind: 'done', text: t('options.resetDone') });
    } catch (error) {
      setPlaybook({ kind: 'failed', text: t('options.error', { message: errorText(error, t) }), problems: [] });
    }
  };

  return (
    <main className="sf-options" data-testid="options">
      <header className="sf-options__header">
        <span className="sf-brand__logo" aria-hidden="true">S</span>
        <h1>{t('options.title')}</h1>
        <a className="sf-btn" href="dashboard.html" target="_blank" rel="noopener" title={t('dashboard.openHint')} data-testid="options-dashboard">
          {t('dashboard.open')}
        </a>
      </header>

      <section className="sf-card sf-options__section" aria-labelledby={`${baseId}-general`}>
        <h2 id={`${baseId}-general`} className="sf-card__title">{t('options.general')}</h2>
        {settings === null ? (
          <p className="sf-muted" role="status">{t('status.connecting')}</p>
        ) : (
          <>
            <div className="sf-field">
              <label className="sf-label" htmlFor={`${baseId}-lang`}>{t('options.lang')}</label>
              <select
                id={`${baseId}-lang`}
                className="sf-select sf-options__select"
                data-testid="options-lang"
                value={settings.lang ?? 'auto'}
                onChange={(e) => {
                  const value = e.target.value;
                  change({ lang: (LANGS as readonly string[]).includes(value) ? (value as Lang) : null });
                }}
              >
                <option value="auto">{t('options.langAuto')}</option>
                {LANGS.map((l) => (
                  <option key={l} value={l} lang={l}>{t(`lang.${l}`)}</option>
                ))}
              </select>
            </div>
            <div className="sf-switch-row sf-field">
              <input
                id={`${baseId}-outline`}
                type="checkbox"
                role="switch"
                className="sf-switch"
                data-testid="options-outline"
                checked={settings.outline}
                onChange={(e) => change({ outline: e.target.checked })}
              />
              <label htmlFor={`${baseId}-outline`}>{t('options.outline')}</label>
            </div>
            <DigestHourField id={`${baseId}-digest-hour`} hour={settings.digestHour} t={t} onChange={change} />
            <p className="sf-options__saved" aria-live="polite" data-testid="options-saved">{saved ?? ''}</p>
          </>
        )}
      </section>

      <ServerSection sync={sync} deps={server} lang={lang} t={t} now={now ?? Date.now()} />

      <section className="sf-card sf-options__section" aria-labelledby={`${baseId}-playbook`}>
        <h2 id={`${baseId}-playbook`} className="sf-card__title">{t('options.playbook')}</h2>
        <p className="sf-muted">{t('options.playbookIntro')}</p>
        <div className="sf-row sf-options__actions">
          <input
            ref={fileInput}
            id={`${baseId}-file`}
            type="file"
            accept=".json,application/json"
            className="sf-visually-hidden"
            data-testid="playbook-file"
            onChange={(e) => void importFile(e)}
          />
          <button
            type="button"
            className="sf-btn sf-btn--primary"
            data-testid="playbook-import"
            disabled={playbook.kind === 'busy'}
            onClick={() => fileInput.current?.click()}
          >
            {t('options.import')}
          </button>
          <button
            type="button"
            className="sf-btn"
            data-testid="playbook-reset"
            disabled={playbook.kind === 'busy'}
            onClick={() => void reset()}
          >
            {t('options.reset')}
          </button>
        </div>
        <div aria-live="polite" data-testid="playbook-status">
          {playbook.kind === 'busy' && <p className="sf-muted">{playbook.text}</p>}
          {playbook.kind === 'done' && <p className="sf-notice sf-notice--ok">✓ {playbook.text}</p>}
        </div>
        {playbook.kind === 'failed' && (
          <div className="sf-notice sf-notice--error sf-options__problems" role="alert" data-testid="playbook-errors">
            <p>{playbook.text}</p>
            {playbook.problems.length > 0 && (
              <ul>
                {playbook.problems.map((p, i) => (
                  <li key={i} data-testid="playbook-error">
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>

      {book !== undefined && (
        <section className="sf-card sf-options__section sf-options__book" aria-labelledby={`${baseId}-book`}>
          <h2 id={`${baseId}-book`} className="sf-card__title">{t('book.editorTitle')}</h2>
          <p className="sf-muted">{t('book.editorIntro')}</p>
          {editing ? (
            <Suspense fallback={<p className="sf-muted" role="status">{t('book.loading')}</p>}>
              <BookSection api={book} lang={lang} t={t} />
            </Suspense>
          ) : (
            <button type="button" className="sf-btn sf-btn--primary" data-testid="book-open" onClick={() => setEditing(true)}>
              {t('book.openEditor')}
            </button>
          )}
        </section>
      )}
    </main>
  );
}
