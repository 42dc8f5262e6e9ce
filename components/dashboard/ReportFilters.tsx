import { useState, type FormEvent } from 'react';
import type { Translator } from '../../lib/i18n/translate';
import type { ReportFilters as Filters } from '../../lib/reports/report-messages';
import type { ReportScopeResponse } from '../../lib/wire/reports';

export interface ReportFiltersProps {
  filters: Filters;
  scope: ReportScopeResponse;
  t: Translator;
  onApply(filters: Filters): void;
}

/** Period, team and manager. A manager has no team or person to choose: they see themselves. */
export function ReportFilters({ filters, scope, t, onApply }: ReportFiltersProps) {
  const [draft, setDraft] = useState(filters);
  const reversed = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const managers = scope.managers.filter((m) => draft.team === null || m.teamId === draft.team);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reversed && draft.from !== '' && draft.to !== '') onApply(draft);
  };
  return (
    <form className="sf-filters" onSubmit={submit} aria-label={t('dashboard.reports')}>
      <label>
        {t('dashboard.filter.from')}
        <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </label>
      <label>
        {t('dashboard.filter.to')}
        <input
          type="date"
          value={draft.to}
          required
          aria-invalid={reversed}
          aria-describedby={reversed ? 'sf-period-error' : undefined}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
      </label>
      {scope.role === 'admin' && (
        <label>
          {t('dashboard.filter.team')}
          <select value={draft.team ?? ''} onChange={(e) => setDraft({ ...draft, team: e.target.value === '' ? null : e.target.value, manager: null })}>
            <option value="">{t('dashboard.filter.all')}</option>
            {scope.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {scope.role !== 'manager' && (
        <label>
          {t('dashboard.filter.manager')}
          <select value={draft.manager ?? ''} onChange={(e) => setDraft({ ...draft, manager: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('dashboard.filter.all')}</option>
            {managers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.email}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="sf-btn sf-btn--primary" disabled={reversed}>
        {t('dashboard.filter.apply')}
      </button>
      {reversed && (
        <p id="sf-period-error" className="sf-filters__error" role="alert">
          {t('dashboard.filter.badPeriod')}
        </p>
      )}
      {scope.role === 'manager' && <p className="sf-muted">{t('dashboard.ownOnly')}</p>}
    </form>
  );
}
