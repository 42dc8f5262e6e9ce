import { useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { TouchDraft } from '../../lib/touches/touch';
import { MANUAL_TOUCH_KINDS, type TouchOutcome } from '../../lib/touches/touch-kinds';
import { errorText } from './error-text';
import { TouchForm } from './TouchForm';
import { TouchKindIcon } from './TouchKindIcon';
import { CallbackTimeField } from './CallbackTimeField';
import { defaultCallbackAt, fromLocalInputValue, toLocalInputValue } from '../../lib/reminders/callback-time';
import { OUTCOMES_BY_KIND, kindLabelKey, type ManualTouchKind } from '../../lib/touches/touch-labels';

export interface TouchLoggerProps {
  lang: Lang;
  /**
   * Resolves when the background stored the touch; rejects with the reason otherwise. A
   * callback outcome comes with the time to remind the manager (epoch ms).
   */
  onLogTouch(draft: TouchDraft, callback?: { at: number }): Promise<void>;
  /** Filled in from a script walk ("Log outcome"); a new `seq` fills the form again. */
  prefill?: TouchPrefill | null;
  /** The clock the default callback time is counted from (tests fix it). */
  now?: () => number;
}

export interface TouchPrefill {
  seq: number;
  kind: ManualTouchKind;
  outcome: TouchOutcome | null;
  comment: string;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** Log a call, meeting, letter, paper letter or note in two clicks and a comment. */
export function TouchLogger({ lang, onLogTouch, prefill, now = Date.now }: TouchLoggerProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  const [kind, setKind] = useState<ManualTouchKind | null>(null);
  const [outcome, setOutcome] = useState<TouchOutcome | null>(null);
  const [comment, setComment] = useState('');
  const [callbackValue, setCallbackValue] = useState('');
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const kindButtons = useRef(new Map<ManualTouchKind, HTMLButtonElement>());
  const firstOutcome = useRef<HTMLButtonElement | null>(null);
  const commentRef = useRef<HTMLTextAreaElement | null>(null);

  // The walk's answers arrive as a ready draft: the manager checks it and saves.
  const prefillSeq = prefill?.seq;
  useEffect(() => {
    if (!prefill) return;
    setKind(prefill.kind);
    pickOutcome(prefill.outcome !== null && OUTCOMES_BY_KIND[prefill.kind].includes(prefill.outcome) ? prefill.outcome : null);
    setComment(prefill.comment);
    setSave({ kind: 'idle' });
    queueMicrotask(() => {
      commentRef.current?.scrollIntoView?.({ block: 'nearest' });
      commentRef.current?.focus();
    });
    // Only a new request fills the form again; re-renders of the same one leave the manager's edits.
  }, [prefillSeq]);

  // A callback is "tomorrow at 10" unless the manager says otherwise; a time already typed stays.
  const pickOutcome = (next: TouchOutcome | null) => {
    setOutcome(next);
    if (next === 'callback') setCallbackValue((value) => (value === '' ? toLocalInputValue(defaultCallbackAt(now())) : value));
  };

  const chooseKind = (next: ManualTouchKind) => {
    setKind(next);
    const outcomes = OUTCOMES_BY_KIND[next];
    // A note has one outcome; anything else the manager picks on purpose.
    pickOutcome(outcomes.length === 1 ? (outcomes[0] ?? null) : null);
    setSave({ kind: 'idle' });
    queueMicrotask(() => firstOutcome.current?.focus());
  };

  const cancel = () => {
    const previous = kind;
    setKind(null);
    setOutcome(null);
    setComment('');
    setCallbackValue('');
    setSave({ kind: 'idle' });
    if (previous) queueMicrotask(() => kindButtons.current.get(previous)?.focus());
  };

  const callbackAt = outcome === 'callback' ? fromLocalInputValue(callbackValue) : null;
  const callbackInvalid = outcome === 'callback' && callbackAt === null;

  const submit = async () => {
    if (!kind || !outcome || save.kind === 'saving' || callbackInvalid) return;
    const draft: TouchDraft = { kind, outcome, comment: comment.trim() };
    setSave({ kind: 'saving' });
    try {
      await (callbackAt === null ? onLogTouch(draft) : onLogTouch(draft, { at: callbackAt }));
      setKind(null);
      setOutcome(null);
      setComment('');
      setCallbackValue('');
      setSave({ kind: 'saved' });
    } catch (error) {
      // Keep everything typed: the manager retries instead of writing it again.
      setSave({ kind: 'error', message: errorText(error, t) });
    }
  };

  return (
    <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="touch-logger">
      <h2 id={`${baseId}-title`} className="sf-card__title">{t('touch.title')}</h2>
      <div role="group" aria-label={t('touch.kind')} className="sf-kinds">
        {MANUAL_TOUCH_KINDS.map((k) => (
          <button
            key={k}
            ref={(el) => {
              if (el) kindButtons.current.set(k, el);
              else kindButtons.current.delete(k);
            }}
            type="button"
            className="sf-kind"
            aria-pressed={kind === k}
            data-testid={`touch-kind-${k}`}
            onClick={() => chooseKind(k)}
          >
            <span className="sf-kind__icon"><TouchKindIcon kind={k} /></span>
            <span className="sf-kind__label">{t(kindLabelKey(k))}</span>
          </button>
        ))}
      </div>

      {kind && (
        <TouchForm
          lang={lang}
          idBase={baseId}
          kind={kind}
          outcome={outcome}
          comment={comment}
          saving={save.kind === 'saving'}
          onOutcome={pickOutcome}
          afterOutcome={
            outcome === 'callback' && (
              <CallbackTimeField lang={lang} idBase={baseId} value={callbackValue} invalid={callbackInvalid} onChange={setCallbackValue} />
            )
          }
          onComment={setComment}
          onSubmit={() => void submit()}
          onCancel={cancel}
          firstOutcomeRef={firstOutcome}
          commentRef={commentRef}
          testId="touch"
        />
      )}

      <div aria-live="polite" className="sf-live">
        {save.kind === 'saved' && (
          <p className="sf-notice sf-notice--ok" data-testid="touch-saved">✓ {t('touch.saved')}</p>
        )}
      </div>
      <div aria-live="assertive" className="sf-live">
        {save.kind === 'error' && (
          <p className="sf-notice sf-notice--error" role="alert" data-testid="touch-error">
            {t('touch.error', { message: save.message })}
          </p>
        )}
      </div>
    </section>
  );
}
