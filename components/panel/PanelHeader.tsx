import { useId } from 'react';
import { LANGS, type Lang } from '../../lib/i18n/langs';
import { makeTranslator } from '../../lib/i18n/translate';
import type { Settings, SettingsPatch } from '../../lib/settings/settings';

export interface PanelHeaderProps {
  lang: Lang;
  /** The client's name, or null when the tab shows no client. */
  clientName: string | null;
  settings: Settings;
  /** The collapse button exists only in the docked panel. */
  collapsible: boolean;
  onSettingsChange(patch: SettingsPatch): void;
}

/** Client name and the panel's own controls: language, field outlining, collapse. */
export function PanelHeader({ lang, clientName, settings, collapsible, onSettingsChange }: PanelHeaderProps) {
  const t = makeTranslator(lang);
  const outlineId = useId();

  return (
    <header className="sf-header">
      <div className="sf-header__top">
        <div className="sf-brand">
          <span className="sf-brand__logo" aria-hidden="true">S</span>
          <span className="sf-brand__name">{t('app.name')}</span>
        </div>
        <div className="sf-header__tools">
          <div role="group" aria-label={t('header.lang')} className="sf-segmented">
            {LANGS.map((l) => (
              <button
                key={l}
                type="button"
                lang={l}
                className="sf-segmented__btn"
                aria-pressed={lang === l}
                data-testid={`lang-${l}`}
                title={t(`lang.${l}`)}
                onClick={() => onSettingsChange({ lang: l })}
              >
                {l.toUpperCase()}
              </button>
            ))}
          </div>
          {collapsible && (
            <button
              type="button"
              className="sf-icon-btn"
              data-testid="panel-collapse"
              aria-label={t('header.collapse')}
              title={t('header.collapse')}
              onClick={() => onSettingsChange({ panelCollapsed: true })}
            >
              <span aria-hidden="true">»</span>
            </button>
          )}
        </div>
      </div>
      {clientName !== null && (
        <div className="sf-client">
          <span className="sf-eyebrow">{t('header.client')}</span>
          <h1 className="sf-client__name" data-testid="panel-client-name" title={clientName}>{clientName}</h1>
        </div>
      )}
      <div className="sf-switch-row">
        <input
          id={outlineId}
          type="checkbox"
          role="switch"
          className="sf-switch"
          data-testid="outline-toggle"
          checked={settings.outline}
          onChange={(e) => onSettingsChange({ outline: e.target.checked })}
        />
        <label htmlFor={outlineId} title={t('header.outlineHint')}>{t('header.outline')}</label>
      </div>
    </header>
  );
}
