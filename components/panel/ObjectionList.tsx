import { useId, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { ObjectionView } from '../../lib/playbook/panel-model';
import { filterObjections } from '../../lib/playbook/objection-search';

export interface ObjectionListProps {
  objections: readonly ObjectionView[];
  lang: Lang;
}

function quote(text: string, lang: Lang): string {
  return lang === 'ru' ? `«${text}»` : `“${text}”`;
}

/** Ready answers to what clients say, searchable while the client is still talking. */
export function ObjectionList({ objections, lang }: ObjectionListProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const shown = filterObjections(objections, query, lang);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="objections">
      <div className="sf-card__head">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('objections.title')}</h2>
        <span className="sf-eyebrow">{shown.length}</span>
      </div>
      {objections.length === 0 ? (
        <p className="sf-muted">{t('objections.empty')}</p>
      ) : (
        <>
          <label className="sf-visually-hidden" htmlFor={`${baseId}-search`}>{t('objections.search')}</label>
          <input
            id={`${baseId}-search`}
            type="search"
            className="sf-input"
            data-testid="objection-search"
            placeholder={t('objections.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
          />
          {shown.length === 0 ? (
            <p className="sf-muted" role="status">{t('objections.nothingFound', { query: query.trim() })}</p>
          ) : (
            <ul className="sf-objections sf-scroll">
              {shown.map((o) => {
                const expanded = open.has(o.id);
                const panelId = `${baseId}-${o.id}`;
                return (
                  <li key={o.id} className="sf-objection" data-testid="objection-item" data-objection-id={o.id}>
                    <button
                      type="button"
                      className="sf-objection__toggle"
                      aria-expanded={expanded}
                      aria-controls={panelId}
                      data-testid="objection-toggle"
                      onClick={() => toggle(o.id)}
                    >
                      <span className="sf-objection__chevron" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                      <span className="sf-objection__phrase" data-testid="objection-phrase">{quote(localize(o.phrase, lang), lang)}</span>
                      <span className="sf-objection__count">{t('objections.answers', { count: o.answers.length })}</span>
                    </button>
                    {expanded && (
                      <ol id={panelId} className="sf-objection__answers">
                        {o.answers.map((a, i) => (
                          <li key={i} data-testid="objection-answer">{localize(a, lang)}</li>
                        ))}
                      </ol>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
