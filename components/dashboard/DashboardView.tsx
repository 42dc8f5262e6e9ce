import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { MessageKey } from '../../lib/i18n/messages';
import { intlLocale, makeTranslator } from '../../lib/i18n/translate';
import type { Lang } from '../../lib/i18n/lang';
import { chartFor } from '../../lib/reports/chart-series';
import type { ReportError, ReportFilters as Filters } from '../../lib/reports/report-messages';
import { REPORT_KINDS, REPORT_TABLES, type ReportKind, type ReportResponse, type ReportScopeResponse } from '../../lib/wire/reports';
import { ReportFilters } from './ReportFilters';
import { ReportTable } from './ReportTable';
import { TrendChart } from './TrendChart';

export type Loadable<T> = { status: 'loading' } | { status: 'error'; error: ReportError } | { status: 'ready'; value: T };

export interface DashboardViewProps {
  lang: Lang;
  scope: Loadable<ReportScopeResponse>;
  kind: ReportKind;
  filters: Filters;
  report: Loadable<ReportResponse>;
  onKind(kind: ReportKind): void;
  onFilters(filters: Filters): void;
  onRetry(): void;
  onCsv(table: string): void;
  /** The team page, for a head or an admin (given the caller's id once the scope is known). */
  team?: (selfId: string) => ReactNode;
}

/** The head's dashboard: report tabs, filters, the trend chart and the sortable tables. */
export function DashboardView({ lang, scope, kind, filters, report, onKind, onFilters, onRetry, onCsv, team }: DashboardViewProps) {
  const t = makeTranslator(lang);
  const locale = intlLocale(lang);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('dashboard.title');
  }, [lang, t]);

  // Arrow keys move between report tabs, as in any tab list.
  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = (index + step + REPORT_KINDS.length) % REPORT_KINDS.length;
    tabs.current[next]?.focus();
    onKind(REPORT_KINDS[next] ?? kind);
  };

  const errorText = (error: ReportError): string => t(`dashboard.error.${error.code}` as MessageKey, { message: error.message });
  const errorBox = (error: ReportError) => (
    <div className="sf-dashboard__error" role="alert">
      <p>{errorText(error)}</p>
      <button type="button" className="sf-btn sf-btn--primary" onClick={onRetry}>
        {t('dashboard.retry')}
      </button>
    </div>
  );

  return (
    <main className="sf-dashboard" data-testid="dashboard">
      <header className="sf-dashboard__header">
        <span className="sf-brand__logo" aria-hidden="true">
          S
        </span>
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="sf-muted">{t('dashboard.subtitle')}</p>
        </div>
      </header>

      {scope.status === 'loading' && (
        <p role="status" className="sf-muted">
          {t('dashboard.loading')}
        </p>
      )}
      {scope.status === 'error' && errorBox(scope.error)}
      {scope.status === 'ready' && (
        <>
          <div role="tablist" aria-label={t('dashboard.reports')} className="sf-tabs">
            {REPORT_KINDS.map((k, i) => (
              <button
                key={k}
                ref={(el) => {
                  tabs.current[i] = el;
                }}
                type="button"
                role="tab"
                id={`sf-tab-${k}`}
                aria-selected={k === kind}
                aria-controls="sf-report"
                tabIndex={k === kind ? 0 : -1}
                onClick={() => onKind(k)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {t(`dashboard.kind.${k}` as MessageKey)}
              </button>
            ))}
          </div>
          <ReportFilters key={`${filters.from}|${filters.to}|${filters.team}|${filters.manager}`} filters={filters} scope={scope.value} t={t} onApply={onFilters} />
          <section id="sf-report" role="tabpanel" aria-labelledby={`sf-tab-${kind}`} aria-busy={report.status === 'loading'}>
            {report.status === 'loading' && (
              <p role="status" className="sf-dashboard__loading">
                {t('dashboard.loading')}
              </p>
            )}
            {report.status === 'error' && errorBox(report.error)}
            {report.status === 'ready' && <ReportBody kind={kind} report={report.value} t={t} locale={locale} onCsv={onCsv} />}
          </section>
          {scope.value.role !== 'manager' && team?.(scope.value.userId)}
        </>
      )}
    </main>
  );
}

function ReportBody({ kind, report, t, locale, onCsv }: { kind: ReportKind; report: ReportResponse; t: ReturnType<typeof makeTranslator>; locale: string; onCsv(table: string): void }) {
  const tables: Record<string, readonly string[]> = REPORT_TABLES[kind];
  const empty = Object.keys(tables).every((name) => (report.tables[name] ?? []).length === 0);
  if (empty) return <p className="sf-dashboard__empty">{t('dashboard.empty')}</p>;
  const chart = chartFor(kind, report);
  return (
    <div className="sf-report">
      {chart !== null && <TrendChart data={chart} t={t} locale={locale} />}
      {Object.entries(tables).map(([name, columns]) => (
        <ReportTable
          key={`${kind}.${name}`}
          caption={t(`dashboard.table.${kind}.${name}` as MessageKey)}
          columns={columns}
          rows={report.tables[name] ?? []}
          t={t}
          locale={locale}
          onCsv={() => onCsv(name)}
        />
      ))}
    </div>
  );
}
