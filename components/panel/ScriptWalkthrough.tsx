import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { PanelModel } from '../../lib/playbook/panel-model';
import {
  availableScripts,
  chooseAnswer,
  chosenScriptStorageKey,
  currentNode,
  readStored,
  sanitizePath,
  startPath,
  stepBack,
  walkStorageKey,
  writeStored,
  walkAnswers,
  walkTouchPrefill,
  type WalkPath,
  type WalkTouchPrefill,
} from '../../lib/playbook/script-walk';
import { ScriptLine } from './ScriptLine';

export interface ScriptWalkthroughProps {
  model: Pick<PanelModel, 'script' | 'scripts' | 'allScripts'> & Partial<Pick<PanelModel, 'placeholders'>>;
  /** clientKey() of the client: the place in each script is remembered per client. */
  clientKey: string;
  lang: Lang;
  /** "Log outcome": hands the walk's answers to the touch logger. Without it the button is not shown. */
  onLogOutcome?(prefill: WalkTouchPrefill): void;
}

function isTypingTarget(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.matches('input, textarea, select') || target.isContentEditable);
}

/** A branching call script: the line to say, the client's possible answers, and a way back. */
export function ScriptWalkthrough({ model, clientKey, lang, onLogOutcome }: ScriptWalkthroughProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  const sayRef = useRef<HTMLDivElement>(null);
  const available = availableScripts(model);

  const [chosenId, setChosenId] = useState<string | null>(() => {
    const stored = readStored(chosenScriptStorageKey(clientKey));
    return typeof stored === 'string' ? stored : null;
  });
  const [paths, setPaths] = useState<Record<string, WalkPath>>({});

  const script =
    available.find((s) => s.id === chosenId) ?? model.script ?? available[0] ?? null;

  if (!script) {
    return (
      <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="script">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('script.title')}</h2>
        <p className="sf-muted" data-testid="script-none">
          {model.scripts.length > 0 ? t('script.none') : t('script.noneAtAll')}
        </p>
      </section>
    );
  }

  const storageKey = walkStorageKey(clientKey, script.id);
  const path = paths[script.id] ?? sanitizePath(script, readStored(storageKey));
  const node = currentNode(script, path);
  const chosen = walkAnswers(script, path);

  const go = (next: WalkPath, moveFocus: boolean) => {
    if (next === path) return;
    setPaths((prev) => ({ ...prev, [script.id]: next }));
    writeStored(storageKey, next);
    // The clicked answer button disappears with its node; keep focus inside the script
    // (on the new line) so the keyboard keeps working and screen readers read it.
    if (moveFocus) queueMicrotask(() => sayRef.current?.focus());
  };

  const pickScript = (id: string) => {
    setChosenId(id);
    writeStored(chosenScriptStorageKey(clientKey), id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
    if (/^[1-9]$/.test(event.key)) {
      event.preventDefault();
      go(chooseAnswer(script, path, Number(event.key) - 1), true);
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      go(stepBack(path), true);
    } else if (event.code === 'KeyR' || event.key === 'r' || event.key === 'R') {
      event.preventDefault();
      go(startPath(script), true);
    }
  };

  const selectable = model.scripts.length > 0 ? model.scripts : available.map(({ id, title }) => ({ id, title }));
  const hasNodes = new Set(available.map((s) => s.id));

  return (
    <section
      className="sf-card sf-script"
      aria-labelledby={`${baseId}-title`}
      aria-describedby={`${baseId}-keys`}
      data-testid="script"
      onKeyDown={onKeyDown}
    >
      <div className="sf-card__head">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('script.title')}</h2>
        <span className="sf-eyebrow" data-testid="script-step">{t('script.step', { n: path.length })}</span>
      </div>

      {selectable.length > 1 && (
        <div className="sf-field">
          <label className="sf-label" htmlFor={`${baseId}-select`}>{t('script.choose')}</label>
          <select
            id={`${baseId}-select`}
            className="sf-select"
            data-testid="script-select"
            value={script.id}
            onChange={(e) => pickScript(e.target.value)}
          >
            {selectable.map((s) => (
              <option key={s.id} value={s.id} disabled={!hasNodes.has(s.id)}>
                {hasNodes.has(s.id) ? localize(s.title, lang) : t('script.unavailable', { title: localize(s.title, lang) })}
              </option>
            ))}
          </select>
        </div>
      )}
      {selectable.length <= 1 && <p className="sf-script__title">{localize(script.title, lang)}</p>}

      {node && (
        <>
          <div
            ref={sayRef}
            tabIndex={-1}
            className={node.goal ? 'sf-say is-goal' : 'sf-say'}
            aria-live="polite"
            data-testid="script-node"
            data-node-id={node.id}
          >
            <span className="sf-say__label">{t('script.say')}</span>
            <p className="sf-say__text" data-testid="script-say">
              <ScriptLine text={localize(node.say, lang)} values={model.placeholders ?? {}} lang={lang} />
            </p>
          </div>
          {node.hint && (
            <p className="sf-hint" data-testid="script-hint">
              <span className="sf-hint__label">{t('script.hint')}: </span>
              {localize(node.hint, lang)}
            </p>
          )}
          {node.goal ? (
            <div className="sf-goal" data-testid="script-goal" role="status">
              <span className="sf-goal__icon" aria-hidden="true">✓</span>
              <span>
                <strong>{t('script.goal')}</strong>
                <span className="sf-muted"> {t('script.goalHint')}</span>
              </span>
            </div>
          ) : (
            <div role="group" aria-label={t('script.answers')} className="sf-answers">
              <span className="sf-label" aria-hidden="true">{t('script.answers')}</span>
              {node.answers.map((answer, i) => (
                <button
                  key={`${node.id}:${i}`}
                  type="button"
                  className="sf-answer"
                  data-testid="script-answer"
                  onClick={() => go(chooseAnswer(script, path, i), true)}
                >
                  {i < 9 && <kbd className="sf-answer__key" aria-hidden="true">{i + 1}</kbd>}
                  <span>{localize(answer.label, lang)}</span>
                </button>
              ))}
            </div>
          )}
        </>
      )}

      {chosen.length > 0 && (
        <p className="sf-walk-trail" data-testid="script-trail">
          <span className="sf-label">{t('script.trail')} </span>
          {chosen.map((a) => localize(a, lang)).join(' → ')}
        </p>
      )}

      <div className="sf-row">
        {onLogOutcome && chosen.length > 0 && (
          <button
            type="button"
            className={node?.goal ? 'sf-btn sf-btn--primary' : 'sf-btn'}
            data-testid="script-log-outcome"
            onClick={() => onLogOutcome(walkTouchPrefill(script, path, lang))}
          >
            {t('script.logOutcome')}
          </button>
        )}
        <button
          type="button"
          className="sf-btn sf-btn--ghost"
          data-testid="script-back"
          disabled={path.length <= 1}
          onClick={() => go(stepBack(path), true)}
        >
          ← {t('script.back')}
        </button>
        <button
          type="button"
          className="sf-btn sf-btn--ghost"
          data-testid="script-restart"
          disabled={path.length <= 1}
          onClick={() => go(startPath(script), true)}
        >
          ↺ {t('script.restart')}
        </button>
      </div>
      <p id={`${baseId}-keys`} className="sf-keys">{t('script.keys')}</p>
    </section>
  );
}
