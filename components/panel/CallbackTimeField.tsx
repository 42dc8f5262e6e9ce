import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';

export interface CallbackTimeFieldProps {
  lang: Lang;
  idBase: string;
  /** A datetime-local value ("2026-12-03T10:00"), in the browser's local time. */
  value: string;
  invalid: boolean;
  onChange(value: string): void;
}

/** When to call back, for a callback outcome: the reminder fires at this time. */
export function CallbackTimeField({ lang, idBase, value, invalid, onChange }: CallbackTimeFieldProps) {
  const t = makeTranslator(lang);
  const hintId = `${idBase}-callback-hint`;
  return (
    <div className="sf-field">
      <label className="sf-label" htmlFor={`${idBase}-callback`}>{t('touch.callbackAt')}</label>
      <input
        id={`${idBase}-callback`}
        type="datetime-local"
        className="sf-input"
        data-testid="touch-callback-at"
        required
        value={value}
        aria-invalid={invalid}
        aria-describedby={hintId}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={hintId} className={invalid ? 'sf-notice sf-notice--error' : 'sf-hint'} data-testid="touch-callback-hint">
        {invalid ? t('touch.callbackInvalid') : t('touch.callbackHint')}
      </p>
    </div>
  );
}
