import type { KeyboardEvent, ReactNode, Ref } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { TouchOutcome } from '../../lib/touches/touch';
import { OUTCOMES_BY_KIND, outcomeLabelKey, type ManualTouchKind } from '../../lib/touches/touch-labels';

export interface TouchFormProps {
  lang: Lang;
  /** Unique per form on the page (useId), for the comment's label. */
  idBase: string;
  kind: ManualTouchKind;
  outcome: TouchOutcome | null;
  comment: string;
  saving: boolean;
  onOutcome(outcome: TouchOutcome): void;
  onComment(comment: string): void;
  onSubmit(): void;
  onCancel(): void;
  firstOutcomeRef?: Ref<HTMLButtonElement>;
  commentRef?: Ref<HTMLTextAreaElement>;
  /** data-testid prefix: 'touch' for the logger, 'touch-edit' in the history. */
  testId: string;
  /** Shown under the outcomes: the logger's callback time. */
  afterOutcome?: ReactNode;
}

/** Outcome, comment, save and cancel: the part of a touch the logger and the history's edit share. */
export function TouchForm(props: TouchFormProps) {
  const { lang, idBase, kind, outcome, comment, saving, testId } = props;
  const t = makeTranslator(lang);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSubmit();
    }
  };

  return (
    <form
      className="sf-touch-form"
      data-testid={`${testId}-form`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <fieldset className="sf-fieldset">
        <legend className="sf-label">{t('touch.outcome')}</legend>
        <div className="sf-chips">
          {OUTCOMES_BY_KIND[kind].map((o, i) => (
            <button
              key={o}
              ref={i === 0 ? props.firstOutcomeRef : undefined}
              type="button"
              className="sf-chip"
              aria-pressed={outcome === o}
              data-testid={`${testId}-outcome-${o}`}
              onClick={() => props.onOutcome(o)}
            >
              {t(outcomeLabelKey(kind, o))}
            </button>
          ))}
        </div>
      </fieldset>
      {props.afterOutcome}
      <div className="sf-field">
        <label className="sf-label" htmlFor={`${idBase}-comment`}>{t('touch.comment')}</label>
        <textarea
          ref={props.commentRef}
          id={`${idBase}-comment`}
          className="sf-textarea"
          data-testid={`${testId}-comment`}
          rows={3}
          maxLength={4000}
          placeholder={t('touch.commentPlaceholder')}
          value={comment}
          onChange={(e) => props.onComment(e.target.value)}
        />
      </div>
      <div className="sf-row">
        <button
          type="submit"
          className="sf-btn sf-btn--primary"
          data-testid={`${testId}-save`}
          disabled={!outcome || saving}
          aria-keyshortcuts="Control+Enter"
        >
          {saving ? t('touch.saving') : t('touch.save')}
          <kbd className="sf-btn__keys" aria-hidden="true">{t('touch.saveKeys')}</kbd>
        </button>
        <button type="button" className="sf-btn sf-btn--ghost" data-testid={`${testId}-cancel`} aria-keyshortcuts="Escape" onClick={props.onCancel}>
          {t('touch.cancel')}
          <kbd className="sf-btn__keys" aria-hidden="true">{t('touch.cancelKeys')}</kbd>
        </button>
      </div>
    </form>
  );
}
