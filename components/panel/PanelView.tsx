import { useEffect, useState } from 'react';
import { clientKey } from '../../lib/context/client-key';
import { makeTranslator, resolveLang } from '../../lib/i18n/translate';
import type { HubStatus } from '../../lib/messaging/hub-port';
import type { PanelState } from '../../lib/messaging/hub-messages';
import type { SettingsPatch } from '../../lib/settings/settings';
import type { TouchDraft } from '../../lib/touches/touch';
import { DOCK_EXPAND_MESSAGE } from '../../lib/messaging/dock-messages';
import { CadenceBadge } from './CadenceBadge';
import { CollapsedTab } from './CollapsedTab';
import { errorText } from './error-text';
import { FieldChecklist } from './FieldChecklist';
import { ObjectionList } from './ObjectionList';
import { PanelHeader } from './PanelHeader';
import { PlaybookChangedLine } from './PlaybookChangedLine';
import { ScriptWalkthrough } from './ScriptWalkthrough';
import { StageHeader } from './StageHeader';
import { SyncStatusLine } from './SyncStatusLine';
import { KeyClientList } from './KeyClientList';
import { TouchHistory } from './TouchHistory';
import type { TouchChangeHandlers } from './TouchHistoryItem';
import { TouchKindIcon } from './TouchKindIcon';
import { TouchLogger, type TouchPrefill } from './TouchLogger';
import { useNarrowFrame } from './use-narrow-frame';

export type PanelMode = 'docked' | 'side';

export interface PanelViewProps {
  /** null until the background's first state arrives. */
  state: PanelState | null;
  status: HubStatus;
  mode: PanelMode;
  onLogTouch(draft: TouchDraft, callback?: { at: number }): Promise<void>;
  /** Edit and delete a logged touch; the history is read-only without them. */
  touchHandlers?: TouchChangeHandlers;
  onSettingsChange(patch: SettingsPatch): Promise<void>;
  /** Bring the CRM form to a field (a checklist row's click); rows are plain text without it. */
  onRevealField?(fieldKey: string): void;
  /** Close the "playbook changed" line; without it the line is not shown. */
  onDismissNotice?(version: number): void;
  /** The browser's language, for users who did not pick one; navigator.language by default. */
  navigatorLanguage?: string;
  /** Epoch ms for due-date hints; Date.now() by default. */
  now?: number;
}

/** The whole panel, from plain data: what the background sent plus two callbacks. */
export function PanelView({ state, status, mode, onLogTouch, touchHandlers, onSettingsChange, onRevealField, onDismissNotice, navigatorLanguage, now }: PanelViewProps) {
  const lang = resolveLang(state?.settings.lang ?? null, navigatorLanguage ?? globalThis.navigator?.language);
  const t = makeTranslator(lang);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [prefill, setPrefill] = useState<TouchPrefill | null>(null);
  const narrowFrame = useNarrowFrame(mode === 'docked');

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Everything transient belongs to the client it was typed for: a new client starts clean.
  const currentClient = state?.context ? clientKey(state.context) : null;
  useEffect(() => {
    setSettingsError(null);
    setPrefill(null);
  }, [currentClient]);

  const changeSettings = (patch: SettingsPatch) => {
    setSettingsError(null);
    onSettingsChange(patch).catch((error: unknown) => setSettingsError(errorText(error, t)));
  };

  if (!state) {
    return (
      <main className={`sf-panel sf-panel--${mode} sf-panel--center`} data-testid="panel" data-state="connecting">
        <div className="sf-spinner" aria-hidden="true" />
        <p role="status" data-testid="panel-connecting">{t('status.connecting')}</p>
      </main>
    );
  }

  const { context, model, settings } = state;

  if (mode === 'docked' && (settings.panelCollapsed || narrowFrame)) {
    const missing = model?.checklist.filter((i) => !i.filled).length ?? 0;
    const expand = () => {
      // The CRM tab decides where the panel opens (beside the page, or over it in a narrow window).
      window.parent.postMessage({ type: DOCK_EXPAND_MESSAGE }, '*');
      if (settings.panelCollapsed) changeSettings({ panelCollapsed: false });
    };
    return (
      <main className="sf-panel sf-panel--collapsed" data-testid="panel" data-state="collapsed" lang={lang}>
        <CollapsedTab lang={lang} missing={missing} onExpand={expand} />
      </main>
    );
  }

  return (
    <main className={`sf-panel sf-panel--${mode}`} data-testid="panel" data-state={context && model ? 'ready' : 'no-client'} lang={lang}>
      <PanelHeader
        lang={lang}
        clientName={context ? context.name || context.crmId : null}
        settings={settings}
        collapsible={mode === 'docked'}
        onSettingsChange={changeSettings}
      />
      {status === 'reconnecting' && (
        <p className="sf-banner" role="status" data-testid="panel-reconnecting">{t('status.reconnecting')}</p>
      )}
      {state.playbookNotice !== undefined && onDismissNotice !== undefined && (
        <PlaybookChangedLine notice={state.playbookNotice} lang={lang} onDismiss={onDismissNotice} />
      )}
      {settingsError !== null && (
        <p className="sf-banner sf-banner--error" role="alert">{settingsError}</p>
      )}
      {context && model ? (
        // Keyed by the client: the saved banner, the objection search, the logger's half-filled
        // form and any error stay with the client they were for. (The script walk keeps its own
        // per-client place; remounting only re-reads it.)
        <div className="sf-sections" key={clientKey(context)}>
          {/* What the manager needs during a call comes first: where the deal is, what to say,
              how to answer, where to log it; the bookkeeping follows. */}
          <StageHeader stage={model.stage} lang={lang} />
          <CadenceBadge cadence={model.cadence} lang={lang} now={now ?? Date.now()} />
          <ScriptWalkthrough
            model={model}
            clientKey={clientKey(context)}
            lang={lang}
            onLogOutcome={(draft) => setPrefill((prev) => ({ ...draft, seq: (prev?.seq ?? 0) + 1 }))}
          />
          <ObjectionList objections={model.objections} lang={lang} />
          <TouchLogger lang={lang} onLogTouch={onLogTouch} prefill={prefill} />
          <FieldChecklist items={model.checklist} lang={lang} onRevealField={onRevealField} />
          <TouchHistory touches={state.touches} total={state.touchTotal} lang={lang} handlers={touchHandlers} crmItems={model.crmHistory} inCrm={model.inCrm} />
        </div>
      ) : (
        <div className="sf-empty" data-testid="panel-no-client">
          <div className="sf-empty__art" aria-hidden="true">
            <TouchKindIcon kind="note" size={36} />
          </div>
          <h1 className="sf-empty__title">{t('noClient.title')}</h1>
          <p className="sf-muted">{t('noClient.hint')}</p>
        </div>
      )}
      {/* The side panel stays open across tabs: the manager's key clients live there (the docked panel is for the card at hand). */}
      {mode === 'side' && (
        <div className="sf-sections">
          <KeyClientList view={state.keyClients} lang={lang} now={now ?? Date.now()} />
        </div>
      )}
      <SyncStatusLine sync={state.sync} lang={lang} now={now ?? Date.now()} />
    </main>
  );
}
