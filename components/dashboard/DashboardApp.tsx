import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n/lang';
import { resolveLang } from '../../lib/i18n/translate';
import { connectHub } from '../../lib/messaging/hub-port';
import type { PanelState } from '../../lib/messaging/hub-messages';
import { defaultPeriod } from '../../lib/reports/default-period';
import {
  CsvAnswerSchema,
  ReportAnswerSchema,
  ScopeAnswerSchema,
  type ReportFilters,
  type ReportRequest,
} from '../../lib/reports/report-messages';
import type { ReportKind, ReportResponse, ReportScopeResponse } from '../../lib/wire/reports';
import { makeTranslator } from '../../lib/i18n/translate';
import type { TeamRequest } from '../../lib/team/team-messages';
import { DashboardView, type Loadable } from './DashboardView';
import { TeamSection } from './TeamSection';

export interface DashboardAppProps {
  /** runtime.sendMessage; tests pass their own. */
  send?: (request: ReportRequest | TeamRequest) => Promise<unknown>;
  /** A fixed language; without it the settings' language comes over the hub port. */
  lang?: Lang;
}

const sendToBackground = (request: ReportRequest | TeamRequest): Promise<unknown> => browser.runtime.sendMessage(request);
const broken = { status: 'error', error: { code: 'bad_response', message: 'no answer from the background' } } as const;

/** The container: settings (language) over the hub port, reports over runtime messages. */
export function DashboardApp({ send = sendToBackground, lang: fixedLang }: DashboardAppProps) {
  const [state, setState] = useState<PanelState | null>(null);
  const lang = fixedLang ?? resolveLang(state?.settings.lang ?? null, globalThis.navigator?.language);
  const [kind, setKind] = useState<ReportKind>('compliance');
  const [filters, setFilters] = useState<ReportFilters>(() => ({ ...defaultPeriod(Date.now()), team: null, manager: null, lang }));
  const [scope, setScope] = useState<Loadable<ReportScopeResponse>>({ status: 'loading' });
  const [report, setReport] = useState<Loadable<ReportResponse>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (fixedLang !== undefined) return;
    const conn = connectHub({ tabId: null, onState: setState });
    return () => conn.close();
  }, [fixedLang]);

  useEffect(() => {
    let live = true;
    setScope({ status: 'loading' });
    send({ type: 'reports:scope' }).then(
      (raw) => {
        if (!live) return;
        const answer = ScopeAnswerSchema.safeParse(raw);
        if (!answer.success) setScope(broken);
        else setScope(answer.data.ok ? { status: 'ready', value: answer.data.scope } : { status: 'error', error: answer.data.error });
      },
      () => live && setScope(broken),
    );
    return () => {
      live = false;
    };
  }, [send, attempt]);

  const ready = scope.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    let live = true;
    setReport({ status: 'loading' });
    send({ type: 'reports:get', kind, filters: { ...filters, lang } }).then(
      (raw) => {
        if (!live) return;
        const answer = ReportAnswerSchema.safeParse(raw);
        if (!answer.success) setReport(broken);
        else setReport(answer.data.ok ? { status: 'ready', value: answer.data.report } : { status: 'error', error: answer.data.error });
      },
      () => live && setReport(broken),
    );
    return () => {
      live = false;
    };
  }, [send, ready, kind, filters, lang, attempt]);

  const onCsv = useCallback(
    (table: string) => {
      void send({ type: 'reports:csv', kind, table, filters: { ...filters, lang } }).then((raw) => {
        const answer = CsvAnswerSchema.safeParse(raw);
        if (!answer.success || !answer.data.ok) {
          setReport(answer.success && !answer.data.ok ? { status: 'error', error: answer.data.error } : broken);
          return;
        }
        const url = URL.createObjectURL(new Blob([answer.data.csv], { type: 'text/csv;charset=utf-8' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = answer.data.filename;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      });
    },
    [send, kind, filters, lang],
  );

  return (
    <DashboardView
      lang={lang}
      scope={scope}
      kind={kind}
      filters={filters}
      report={report}
      onKind={setKind}
      onFilters={setFilters}
      onRetry={() => setAttempt((n) => n + 1)}
      onCsv={onCsv}
      team={(selfId) => <TeamSection send={send} lang={lang} t={makeTranslator(lang)} selfId={selfId} />}
    />
  );
}
