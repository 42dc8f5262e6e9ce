import { useId, useRef, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { formatDateTime } from '../../lib/i18n/format-date';
import { makeTranslator } from '../../lib/i18n/translate';
import { MANUAL_TOUCH_KINDS, type Touch, type TouchDraft, type TouchOutcome } from '../../lib/touches/touch';
import { kindLabelKey, outcomeLabelKey, type ManualTouchKind } from '../../lib/touches/touch-labels';
import { touchVersion } from '../../lib/touches/touch-versions';
import { errorText } from './error-text';
import { TouchForm } from './TouchForm';
import { TouchKindIcon } from './TouchKindIcon';

export interface TouchChangeHandlers {
  /** Resolves when the new version is stored; rejects with the reason. */
  onEditTouch(id: string, draft: TouchDraft): Promise<void>;
  onDeleteTouch(id: string): Promise<void>;
  /** Put the touch's note into the CRM's own composer; absent: no such button. */
  onAddToCrm?(id: string): Promise<void>;
}

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'confirm-delete' } | { kind: 'busy' };

function manualKind(touch: Touch): ManualTouchKind | null {
  return (MANUAL_TOUCH_KINDS as readonly string[]).includes(touch.kind) ? (touch.kind as ManualTouchKind) : null;
}

/** One touch in the history; the manager's own kinds can be edited or deleted in place. */
export function TouchHistoryItem({ touch, lang, handlers, inCrm = false }: { touch: Touch; lang: Lang; handlers?: TouchChangeHandlers; inCrm?: boolean }) {
  const t = makeTranslator(lang);
  const idBase = useId();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [outcome, setOutcome] = useState<TouchOutcome | null>(touch.outcome);
  const [comment, setComment] = useState(touch.comment);
  const [error, setError] = useState<string | null>(null);
  const [crmFilled, setCrmFilled] = useState(false);
  const editButton = useRef<HTMLButtonElement | null>(null);
  const commentRef = useRef<HTMLTextAreaElement | null>(null);
  const kind = manualKind(touch);
  const editable = handlers !== undefined && kind !== null;

  const back = () => {
    setMode({ kind: 'view' });
    queueMicrotask(() => editButton.current?.focus());
  };
  const startEdit = () => {
    setOutcome(touch.outcome);
    setComment(touch.comment);
    setError(null);
    setMode({ kind: 'edit' });
    queueMicrotask(() => commentRef.current?.focus());
  };
  const run = async (change: () => Promise<void>) => {
    setMode({ kind: 'busy' });
    setError(null);
    try {
      await change();
      back();
    } catch (e) {
      // Keep what was typed: the manager retries instead of writing it again.
      setError(errorText(e, t));
      setMode({ kind: 'edit' });
    }
  };
  const save = () => {
    if (!handlers || !kind || !outcome || mode.kind === 'busy') return;
    void run(() => handlers.onEditTouch(touch.id, { kind, outcome, comment: comment.trim() }));
  };
  const addToCrm = () => {
    if (!handlers?.onAddToCrm) return;
    setError(null);
    handlers.onAddToCrm(touch.id).then(
      () => setCrmFilled(true),
      (e: unknown) => setError(errorText(e, t)),
    );
  };
  const remove = () => {
    if (!handlers) return;
    // A deleted touch leaves the list; the item unmounts, so errors are all that come back.
    setMode({ kind: 'busy' });
    handlers.onDeleteTouch(touch.id).catch((e: unknown) => {
      setError(errorText(e, t));
      setMode({ kind: 'view' });
    });
  };

  return (
    <li className="sf-history__item" data-testid="touch-history-item" data-kind={touch.kind} data-touch-id={touch.id}>
      <span className="sf-history__icon"><TouchKindIcon kind={touch.kind} size={16} /></span>
      <div className="sf-history__body">
        <div className="sf-history__line">
          <strong>{t(kindLabelKey(touch.kind))}</strong>
          <span className="sf-history__outcome">{t(outcomeLabelKey(touch.kind, touch.outcome))}</span>
          {touchVersion(touch) > 1 && (
            <span className="sf-history__edited" data-testid="touch-edited" title={touch.updatedAt ? formatDateTime(touch.updatedAt, lang) : undefined}>
              {t('history.edited')}
            </span>
          )}
          {inCrm && <span className="sf-history__source" data-testid="touch-in-crm">✓ {t('history.inCrm')}</span>}
        </div>
        <time className="sf-history__time" dateTime={new Date(touch.at).toISOString()}>
          {formatDateTime(touch.at, lang)}
        </time>
        {mode.kind !== 'edit' && touch.comment !== '' && <p className="sf-history__comment">{touch.comment}</p>}
        {editable && mode.kind === 'edit' ? (
          <TouchForm
            lang={lang}
            idBase={idBase}
            kind={kind}
            outcome={outcome}
            comment={comment}
            saving={false}
            onOutcome={setOutcome}
            onComment={setComment}
            onSubmit={save}
            onCancel={back}
            commentRef={commentRef}
            testId="touch-edit"
          />
        ) : null}
        {editable && mode.kind === 'view' && (
          <div className="sf-history__actions">
            <button ref={editButton} type="button" className="sf-btn sf-btn--ghost sf-history__action" data-testid="touch-edit" onClick={startEdit}>
              {t('history.edit')}
            </button>
            <button type="button" className="sf-btn sf-btn--ghost sf-btn--danger sf-history__action" data-testid="touch-delete" onClick={() => setMode({ kind: 'confirm-delete' })}>
              {t('history.delete')}
            </button>
            {!inCrm && handlers.onAddToCrm !== undefined && (
              <button type="button" className="sf-btn sf-btn--ghost sf-history__action" data-testid="touch-to-crm" onClick={addToCrm}>
                {t('history.toCrm')}
              </button>
            )}
          </div>
        )}
        {mode.kind === 'confirm-delete' && (
          <div className="sf-history__confirm" role="group" aria-label={t('history.deleteConfirm')} data-testid="touch-delete-confirm">
            <span>{t('history.deleteConfirm')}</span>
            <button type="button" className="sf-btn sf-btn--danger" data-testid="touch-delete-yes" autoFocus onClick={remove}>
              {t('history.deleteYes')}
            </button>
            <button type="button" className="sf-btn sf-btn--ghost" data-testid="touch-delete-no" onClick={back}>
              {t('touch.cancel')}
            </button>
          </div>
        )}
        {crmFilled && !inCrm && (
          <p className="sf-notice sf-notice--ok" role="status" data-testid="touch-to-crm-filled">{t('history.toCrmFilled')}</p>
        )}
        {mode.kind === 'busy' && <p className="sf-muted" role="status">{t('touch.saving')}</p>}
        {error !== null && (
          <p className="sf-notice sf-notice--error" role="alert" data-testid="touch-change-error">
            {t('touch.error', { message: error })}
          </p>
        )}
      </div>
    </li>
  );
}
