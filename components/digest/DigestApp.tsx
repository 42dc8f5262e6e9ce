import { useEffect, useState } from 'react';
import { DigestAnswerSchema, type DigestAnswer, type DigestRequest } from '../../lib/digest/digest-messages';
import type { Lang } from '../../lib/i18n/lang';
import { intlLocale, makeTranslator, resolveLang, translate, type Translator } from '../../lib/i18n/translate';
import type { MessageKey } from '../../lib/i18n/messages';
import { DaySchema } from '../../lib/wire/compliance';
import { DIGEST_TABLE_NAMES, DIGEST_TABLES, type DigestResponse } from '../../lib/wire/digest';
import { ReportTable } from '../dashboard/ReportTable';

export interface DigestViewProps {
  date: string;
  /** null while loading. */
  answer: DigestAnswer | null;
  lang: Lang;
  t: Translator;
}

/** The printable digest: the day's three sections, each a table (or "None."). */
export function DigestView({ date, answer, lang, t }: DigestViewProps) {
  return (
    <main className="sf-digest" data-testid="digest">
      <header className="sf-digest__head">
        <h1>{t('digest.title', { date })}</h1>
        <button type="button" className="sf-btn sf-digest__print" onClick={() => globalThis.print()}>
          {t('digest.print')}
        </button>
      </header>
      {answer === null && <p className="sf-muted" role="status">{t('digest.loading')}</p>}
      {answer !== null && !answer.ok && (
        <p className="sf-notice sf-notice--error" role="alert" data-testid="digest-error">
          {t(`dashboard.error.${answer.error.code}` as MessageKey, { message: answer.error.message })}
        </p>
      )}
      {answer?.ok === true && <DigestSections digest={answer.digest} lang={lang} t={t} />}
    </main>
  );
}

function DigestSections({ digest, lang, t }: { digest: DigestResponse; lang: Lang; t: Translator }) {
  return (
    <>
      <p className="sf-muted" data-testid="digest-zone">{t('digest.zone', { zone: digest.timeZone })}</p>
      {DIGEST_TABLE_NAMES.map((name) => (
        <div key={name} data-testid={`digest-${name}`}>
          {digest.tables[name].length === 0 ? (
            <section className="sf-report-table">
              <h3>{t(`digest.section.${name}`)}</h3>
              <p className="sf-muted">{t('digest.none')}</p>
            </section>
          ) : (
            <ReportTable caption={t(`digest.section.${name}`)} columns={DIGEST_TABLES[name]} rows={digest.tables[name]} t={t} locale={intlLocale(lang)} />
          )}
        </div>
      ))}
    </>
  );
}

export interface DigestAppProps {
  /** runtime.sendMessage; tests pass their own. */
  send(request: DigestRequest): Promise<unknown>;
  /** The page's query string (`?date=YYYY-MM-DD`). */
  search: string;
  settingsLang?: Lang | null;
  navigatorLanguage?: string;
}

/** digest.html: the day from the address (today when missing or malformed), rows from the background. */
export function DigestApp({ send, search, settingsLang = null, navigatorLanguage }: DigestAppProps) {
  const lang = resolveLang(settingsLang, navigatorLanguage ?? globalThis.navigator?.language);
  const asked = new URLSearchParams(search).get('date') ?? '';
  const date = DaySchema.safeParse(asked).success ? asked : new Date().toISOString().slice(0, 10);
  const [answer, setAnswer] = useState<DigestAnswer | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'digest.title', { date });
    let live = true;
    send({ type: 'digest:get', date, lang }).then(
      (raw) => {
        const parsed = DigestAnswerSchema.safeParse(raw);
        if (live) setAnswer(parsed.success ? parsed.data : { ok: false, error: { code: 'bad_response', message: 'unexpected answer' } });
      },
      (error: unknown) => live && setAnswer({ ok: false, error: { code: 'offline', message: String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [send, date, lang]);

  return <DigestView date={date} answer={answer} lang={lang} t={makeTranslator(lang)} />;
}
