import { useId } from 'react';
import { errorsAt, type ErrorsByPath } from '../../lib/sales-book/editor-errors';
import type { Translator } from '../../lib/i18n/translate';

/** What every editor field needs: the schema's problems and the page's strings. */
export interface FieldCtx {
  errors: ErrorsByPath;
  t: Translator;
}

/** The schema's problems at `path`, shown under the field it names and tied to it for screen readers. */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul className="sf-book__errors" id={id} data-testid="field-error">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

interface TextProps {
  ctx: FieldCtx;
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  testId?: string;
}

/** One text input with its label and the problems at its path. */
export function TextField({ ctx, path, label, value, onChange, multiline, testId }: TextProps) {
  const id = useId();
  const messages = errorsAt(ctx.errors, path, true);
  const common = {
    id,
    value,
    className: multiline ? 'sf-textarea' : 'sf-input',
    'aria-invalid': messages.length > 0 || undefined,
    'aria-describedby': messages.length > 0 ? `${id}-err` : undefined,
    'data-path': path,
    'data-testid': testId,
  };
  return (
    <div className="sf-book__field">
      <label className="sf-label" htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

type Bi = { ru: string; en: string };

/** A text in both UI languages, side by side. */
export function BiTextField({ ctx, path, label, value, onChange, multiline, testId }: Omit<TextProps, 'value' | 'onChange'> & { value: Bi; onChange(v: Bi): void }) {
  return (
    <fieldset className="sf-book__bi">
      <legend className="sf-label">{label}</legend>
      <TextField ctx={ctx} path={`${path}.ru`} label="RU" value={value.ru} multiline={multiline} testId={testId && `${testId}-ru`} onChange={(ru) => onChange({ ...value, ru })} />
      <TextField ctx={ctx} path={`${path}.en`} label="EN" value={value.en} multiline={multiline} testId={testId && `${testId}-en`} onChange={(en) => onChange({ ...value, en })} />
    </fieldset>
  );
}

/** A list of short labels edited one a line (CRM stage names, aliases, synonyms). */
export function LinesField({ ctx, path, label, value, onChange, testId }: Omit<TextProps, 'value' | 'onChange' | 'multiline'> & { value: readonly string[]; onChange(v: string[]): void }) {
  return (
    <TextField
      ctx={ctx}
      path={path}
      label={label}
      multiline
      testId={testId}
      value={value.join('\n')}
      // Lines are kept as typed until saved: trimming here would eat the space being typed.
      onChange={(text) => onChange(text === '' ? [] : text.split('\n'))}
    />
  );
}

/** A number input; an empty box is kept as NaN so the schema names it, never silently 0. */
export function NumberField({ ctx, path, label, value, onChange, testId }: Omit<TextProps, 'value' | 'onChange'> & { value: number | undefined; onChange(v: number | undefined): void }) {
  const id = useId();
  const messages = errorsAt(ctx.errors, path, true);
  return (
    <div className="sf-book__field sf-book__field--number">
      <label className="sf-label" htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        className="sf-input"
        data-path={path}
        data-testid={testId}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={messages.length > 0 ? `${id}-err` : undefined}
        value={value === undefined || Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}
