import { useId, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { ObjectionView } from '../../lib/playbook/panel-model';
import { searchObjections } from '../../lib/playbook/objection-search';
import { copyText } from './copy-text';

export interface ObjectionListProps {
  objections: readonly ObjectionView[];
  lang: Lang;
  /** Clipboard writer; the real one by default, replaceable in tests. */
  copy?: (text: string) => Promise<boolean>;
}

function quote(text: string, lang: Lang): string {
  return lang === 'ru' ? `«${text}»` : `“${text}”`;
}

type CopyNote = { key: string; ok: boolean } | null;

/**
 * Ready answers to what clients say, searchable while the client is still talking: word forms
 * and synonyms match, every stage is searched (the client's stage first), a single hit opens
 * by itself, and each answer copies in one click for a chat or a letter.
 */
export function ObjectionList({ objections, lang, copy = copyText }: ObjectionListProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [showAll, setShowAll] = useState(false);
  // Ids the manager toggled by hand; a single search hit is open unless toggled.
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [copied, setCopied] = useState<CopyNote>(null);

  const searching = query.trim() !== '';
  const shown = searching ? searchObjections(objections, query, lang) : showAll ? [...objections] : objections.filter((o) => o.relevant);
  const others = objections.length - objections.filter((o) => o.relevant).length;
  const autoOpen = searching && shown.length === 1 ? shown[0]?.id : undefined;

  const toggle = (id: string) =>
    setToggled((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const copyAnswer = (key: string, text: string) => {
    void copy(text).then((ok) => setCopied({ key, ok }));
  };

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
            onChange={(e) => {
              setQuery(e.target.value);
              setToggled(new Set());
            }}
            autoComplete="off"
          />
          {shown.length === 0 ? (
            <p className="sf-muted" role="status">
              {searching ? t('objections.nothingFound', { query: query.trim() }) : t('objections.noneForStage')}
            </p>
          ) : (
            <ul className="sf-objections sf-scroll">
              {shown.map((o) => {
                const expanded = (o.id === autoOpen) !== toggled.has(o.id);
                const panelId = `${baseId}-${o.id}`;
                return (
                  <li key={o.id} className="sf-objection" data-testid="objection-item" data-objection-id={o.id} data-relevant={String(o.relevant)}>
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
                      {!o.relevant && <span className="sf-objection__other" data-testid="objection-other-stage">{t('objections.otherStage')}</span>}
                      <span className="sf-objection__count">{t('objections.answers', { count: o.answers.length })}</span>
                    </button>
                    {expanded && (
                      <ol id={panelId} className="sf-objection__answers">
                        {o.answers.map((a, i) => {
                          const key = `${o.id}:${i}`;
                          const text = localize(a, lang);
                          return (
                            <li key={i} className="sf-objection__answer" data-testid="objection-answer">
                              <span className="sf-objection__answer-text">{text}</span>
                              <button
                                type="button"
                                className="sf-copy"
                                data-testid="objection-copy"
                                aria-label={t('objections.copyLabel', { n: i + 1 })}
                                title={t('objections.copy')}
                                onClick={() => copyAnswer(key, text)}
                              >
                                {t('objections.copy')}
                              </button>
                              <span className="sf-copy__note" aria-live="polite" data-testid="objection-copied">
                                {copied?.key === key ? (copied.ok ? t('objections.copied') : t('objections.copyFailed')) : ''}
                              </span>
                            </li>
                          );
                        })}
                      </ol>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {!searching && others > 0 && (
            <button
              type="button"
              className="sf-btn sf-btn--ghost sf-objections__all"
              aria-pressed={showAll}
              data-testid="objections-show-all"
              onClick={() => setShowAll((v) => !v)}
            >
              {showAll ? t('objections.stageOnly') : t('objections.showAll', { count: objections.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
