import { useState } from 'react';
import { ACTIVITY_METRICS, type Playbook, type Stage } from '../../lib/playbook/schema';
import type { Lang } from '../../lib/i18n/lang';
import type { Translator } from '../../lib/i18n/translate';
import { checkDraft, errorsAt } from '../../lib/sales-book/editor-errors';
import { BiTextField, FieldErrors, LinesField, NumberField, TextField, type FieldCtx } from './fields';
import { ScriptEditor } from './ScriptEditor';

/** CRMs whose stage names a head maps per CRM; others can be added in the JSON. */
export const MAPPED_CRMS = ['amocrm', 'bitrix24'] as const;
const SECTIONS = ['stages', 'scripts', 'objections', 'norms'] as const;
type Section = (typeof SECTIONS)[number];

interface Props {
  draft: Playbook;
  onChange(draft: Playbook): void;
  lang: Lang;
  t: Translator;
}

/** The sales book editor: every part of the playbook, each problem of the schema at its field. */
export function PlaybookEditor({ draft, onChange, lang, t }: Props) {
  const [section, setSection] = useState<Section>('stages');
  const check = checkDraft(draft);
  const ctx: FieldCtx = { errors: check.errors, t };
  const rootErrors = errorsAt(check.errors, '');

  return (
    <div className="sf-book__editor" data-testid="playbook-editor">
      <p className={check.count === 0 ? 'sf-notice sf-notice--ok' : 'sf-notice sf-notice--error'} role="status" data-testid="editor-check">
        {check.count === 0 ? t('book.valid') : t('book.problems', { count: check.count })}
      </p>
      <FieldErrors id="book-root-err" messages={rootErrors} />
      <div className="sf-book__tabs" role="tablist" aria-label={t('book.sections')}>
        {SECTIONS.map((s) => {
          const bad = [...check.errors.keys()].some((k) => k.startsWith(s === 'norms' ? 'segments' : s) || (s === 'norms' && k.startsWith('activityNorms')));
          return (
            <button
              key={s}
              type="button"
              role="tab"
              id={`book-tab-${s}`}
              aria-selected={section === s}
              aria-controls={`book-panel-${s}`}
              className="sf-book__tab"
              data-testid={`book-tab-${s}`}
              onClick={() => setSection(s)}
              onKeyDown={(e) => {
                // Arrow keys move between the tabs, as in every tab list.
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (step === 0) return;
                const next = SECTIONS[(SECTIONS.indexOf(s) + step + SECTIONS.length) % SECTIONS.length] ?? s;
                setSection(next);
                document.getElementById(`book-tab-${next}`)?.focus();
              }}
              tabIndex={section === s ? 0 : -1}
            >
              {t(`book.section.${s}`)}
              {bad && <span className="sf-book__tab-bad" aria-label={t('book.hasProblems')}> •</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`book-panel-${section}`} aria-labelledby={`book-tab-${section}`} className="sf-book__panel">
        {section === 'stages' && <StagesSection ctx={ctx} draft={draft} onChange={onChange} lang={lang} />}
        {section === 'scripts' && <ScriptsSection ctx={ctx} draft={draft} onChange={onChange} lang={lang} />}
        {section === 'objections' && <ObjectionsSection ctx={ctx} draft={draft} onChange={onChange} />}
        {section === 'norms' && <NormsSection ctx={ctx} draft={draft} onChange={onChange} lang={lang} />}
      </div>
    </div>
  );
}

interface SectionProps {
  ctx: FieldCtx;
  draft: Playbook;
  onChange(draft: Playbook): void;
  lang?: Lang;
}

function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, j) => (j === i ? item : x));
}

function StagesSection({ ctx, draft, onChange, lang = 'en' }: SectionProps) {
  const { t } = ctx;
  const setStage = (i: number, stage: Stage) => onChange({ ...draft, stages: replaceAt(draft.stages, i, stage) });
  return (
    <div className="sf-book__list">
      {draft.stages.map((stage, i) => {
        const at = `stages[${i}]`;
        return (
          <section key={i} className="sf-card sf-book__item" data-testid="stage-row" aria-label={stage.name[lang] || stage.id}>
            <div className="sf-book__grid sf-book__grid--head">
              <TextField ctx={ctx} path={`${at}.id`} label={t('book.id')} value={stage.id} onChange={(id) => setStage(i, { ...stage, id })} testId="stage-id" />
              <BiTextField ctx={ctx} path={`${at}.name`} label={t('book.stageName')} value={stage.name} onChange={(name) => setStage(i, { ...stage, name })} testId="stage-name" />
              <BiTextField ctx={ctx} path={`${at}.goal`} label={t('book.stageGoal')} multiline value={stage.goal} onChange={(goal) => setStage(i, { ...stage, goal })} />
            </div>
            <div className="sf-book__grid">
              <LinesField ctx={ctx} path={`${at}.crmNames`} label={t('book.crmNamesAny')} value={stage.crmNames} onChange={(crmNames) => setStage(i, { ...stage, crmNames })} testId="stage-crm-any" />
              {MAPPED_CRMS.map((crm) => (
                <LinesField
                  key={crm}
                  ctx={ctx}
                  path={`${at}.crmStages.${crm}`}
                  label={t('book.crmNamesFor', { crm: t(`book.crm.${crm}`) })}
                  value={stage.crmStages?.[crm] ?? []}
                  testId={`stage-crm-${crm}`}
                  onChange={(names) => {
                    const lists = { ...(stage.crmStages ?? {}) };
                    if (names.length > 0) lists[crm] = names;
                    else delete lists[crm];
                    const { crmStages: _old, ...rest } = stage;
                    setStage(i, Object.keys(lists).length > 0 ? { ...rest, crmStages: lists } : rest);
                  }}
                />
              ))}
            </div>
            <fieldset className="sf-book__fields">
              <legend className="sf-label">{t('book.requiredFields')}</legend>
              {draft.fields.map((field) => (
                <label key={field.id} className="sf-book__check">
                  <input
                    type="checkbox"
                    checked={stage.requiredFields.includes(field.id)}
                    onChange={(e) =>
                      setStage(i, {
                        ...stage,
                        requiredFields: e.target.checked ? [...stage.requiredFields, field.id] : stage.requiredFields.filter((f) => f !== field.id),
                      })
                    }
                  />
                  {field.label[lang]}
                </label>
              ))}
              <FieldErrors id={`${at}-rf-err`} messages={errorsAt(ctx.errors, `${at}.requiredFields`, true)} />
            </fieldset>
            <FieldErrors id={`${at}-err`} messages={errorsAt(ctx.errors, at).concat(errorsAt(ctx.errors, `${at}.role`), errorsAt(ctx.errors, `${at}.inheritFrom`), errorsAt(ctx.errors, `${at}.scriptId`))} />
            <button type="button" className="sf-btn sf-btn--small" onClick={() => onChange({ ...draft, stages: draft.stages.filter((_, j) => j !== i) })}>
              {t('book.removeStage')}
            </button>
          </section>
        );
      })}
      <button
        type="button"
        className="sf-btn"
        data-testid="add-stage"
        onClick={() =>
          onChange({
            ...draft,
            stages: [...draft.stages, { id: `stage-${draft.stages.length + 1}`, name: { ru: '', en: '' }, goal: { ru: '', en: '' }, role: draft.roles[0]?.id ?? '', crmNames: [], requiredFields: [] }],
          })
        }
      >
        {t('book.addStage')}
      </button>
    </div>
  );
}

function ScriptsSection({ ctx, draft, onChange, lang = 'en' }: SectionProps) {
  const [open, setOpen] = useState(0);
  const script = draft.scripts[open];
  return (
    <div className="sf-book__list">
      <div className="sf-book__field">
        <label className="sf-label" htmlFor="book-script-pick">{ctx.t('book.script')}</label>
        <select id="book-script-pick" className="sf-select" value={open} data-testid="script-pick" onChange={(e) => setOpen(Number(e.target.value))}>
          {draft.scripts.map((s, i) => (
            <option key={s.id} value={i}>{s.title[lang] || s.id}</option>
          ))}
        </select>
      </div>
      {script === undefined ? (
        <p className="sf-muted">{ctx.t('book.noScripts')}</p>
      ) : (
        <>
          <BiTextField ctx={ctx} path={`scripts[${open}].title`} label={ctx.t('book.scriptTitle')} value={script.title} onChange={(title) => onChange({ ...draft, scripts: replaceAt(draft.scripts, open, { ...script, title }) })} />
          <ScriptEditor ctx={ctx} script={script} path={`scripts[${open}]`} onChange={(s) => onChange({ ...draft, scripts: replaceAt(draft.scripts, open, s) })} />
        </>
      )}
    </div>
  );
}

function ObjectionsSection({ ctx, draft, onChange }: SectionProps) {
  const { t } = ctx;
  return (
    <div className="sf-book__list">
      {draft.objections.map((o, i) => {
        const at = `objections[${i}]`;
        const set = (patch: Partial<typeof o>) => onChange({ ...draft, objections: replaceAt(draft.objections, i, { ...o, ...patch }) });
        return (
          <section key={i} className="sf-card sf-book__item" data-testid="objection-row">
            <BiTextField ctx={ctx} path={`${at}.phrase`} label={t('book.objection')} value={o.phrase} onChange={(phrase) => set({ phrase })} multiline />
            {o.answers.map((a, ai) => (
              <BiTextField key={ai} ctx={ctx} path={`${at}.answers[${ai}]`} label={t('book.objectionAnswer', { n: ai + 1 })} value={a} multiline onChange={(v) => set({ answers: replaceAt(o.answers, ai, v) })} />
            ))}
            <FieldErrors id={`${at}-answers-err`} messages={errorsAt(ctx.errors, `${at}.answers`)} />
            <button type="button" className="sf-btn sf-btn--small" onClick={() => set({ answers: [...o.answers, { ru: '', en: '' }] })}>{t('book.addObjectionAnswer')}</button>
            <LinesField ctx={ctx} path={`${at}.synonyms`} label={t('book.synonyms')} value={o.synonyms ?? []} onChange={(synonyms) => set({ synonyms })} />
          </section>
        );
      })}
      <button
        type="button"
        className="sf-btn"
        onClick={() => onChange({ ...draft, objections: [...draft.objections, { id: `objection-${draft.objections.length + 1}`, phrase: { ru: '', en: '' }, answers: [{ ru: '', en: '' }], stages: [] }] })}
      >
        {t('book.addObjection')}
      </button>
    </div>
  );
}

function NormsSection({ ctx, draft, onChange, lang = 'en' }: SectionProps) {
  const { t } = ctx;
  return (
    <div className="sf-book__list">
      <h3 className="sf-card__title">{t('book.touchNorms')}</h3>
      {draft.segments.map((seg, i) => {
        const at = `segments[${i}].norm`;
        const setNorm = (patch: Partial<typeof seg.norm>) => onChange({ ...draft, segments: replaceAt(draft.segments, i, { ...seg, norm: { ...seg.norm, ...patch } }) });
        return (
          <div key={seg.id} className="sf-book__row" data-testid="segment-row">
            <span className="sf-book__row-name">{seg.name[lang]}</span>
            <NumberField ctx={ctx} path={`${at}.touchEveryDays`} label={t('book.touchEveryDays')} value={seg.norm.touchEveryDays} onChange={(v) => setNorm({ touchEveryDays: v as number })} />
            <NumberField
              ctx={ctx}
              path={`${at}.meetingEveryDays`}
              label={t('book.meetingEveryDays')}
              value={seg.norm.meetingEveryDays}
              onChange={(v) => {
                const { meetingEveryDays: _m, ...rest } = seg.norm;
                onChange({ ...draft, segments: replaceAt(draft.segments, i, { ...seg, norm: v === undefined ? rest : { ...rest, meetingEveryDays: v } }) });
              }}
            />
          </div>
        );
      })}
      <h3 className="sf-card__title">{t('book.activityNorms')}</h3>
      {draft.activityNorms.map((norm, i) => (
        <div key={i} className="sf-book__row" data-testid="activity-row">
          <span className="sf-book__row-name">
            {draft.roles.find((r) => r.id === norm.role)?.name[lang] ?? norm.role} · {t(`book.period.${norm.period}`)} · {ACTIVITY_METRICS.includes(norm.metric) ? t(`book.metric.${norm.metric}`) : norm.metric}
          </span>
          <NumberField
            ctx={ctx}
            path={`activityNorms[${i}].min`}
            label={t('book.min')}
            value={norm.min}
            testId="activity-min"
            onChange={(v) => onChange({ ...draft, activityNorms: replaceAt(draft.activityNorms, i, { ...norm, min: v as number }) })}
          />
        </div>
      ))}
    </div>
  );
}
