import type { Lang } from '../../lib/i18n/lang';
import { isMessageKey } from '../../lib/i18n/messages';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { StageView } from '../../lib/playbook/panel-model';

export interface StageHeaderProps {
  stage: StageView;
  lang: Lang;
}

/**
 * The deal stage in one line (name and position), so the script is on the first screen;
 * the goal, the owner and the CRM's own name open under it on demand.
 */
export function StageHeader({ stage, lang }: StageHeaderProps) {
  const t = makeTranslator(lang);

  if (stage.status === 'unmapped') {
    return (
      <section className="sf-card sf-stage sf-stage--warn" aria-labelledby="sf-stage-title" data-testid="stage">
        <h2 id="sf-stage-title" className="sf-visually-hidden">{t('stage.title')}</h2>
        <p className="sf-stage__problem" data-testid="stage-unmapped">
          {t('stage.unmapped', { name: stage.crmStage })}
        </p>
        <p className="sf-muted">{t('stage.unmappedHint')}</p>
      </section>
    );
  }

  if (stage.status === 'none') {
    return (
      <section className="sf-card sf-stage" aria-labelledby="sf-stage-title" data-testid="stage">
        <h2 id="sf-stage-title" className="sf-visually-hidden">{t('stage.title')}</h2>
        <p className="sf-stage__problem" data-testid="stage-none">{t('stage.none')}</p>
        <p className="sf-muted">{t('stage.noneHint')}</p>
      </section>
    );
  }

  const position = stage.index + 1;
  const roleKey = `role.${stage.role}`;
  const role = isMessageKey(roleKey) ? t(roleKey) : stage.role;
  const progress = t('stage.progress', { index: position, total: stage.total });
  return (
    <section className="sf-card sf-stage" aria-labelledby="sf-stage-name" data-testid="stage">
      <details className="sf-stage__details">
        <summary className="sf-stage__line" title={localize(stage.goal, lang)}>
          <h2 id="sf-stage-name" className="sf-stage__name" data-testid="stage-name">
            {localize(stage.name, lang)}
          </h2>
          <span
            className="sf-stage__progress"
            role="progressbar"
            aria-label={t('stage.progressLabel')}
            aria-valuemin={1}
            aria-valuemax={stage.total}
            aria-valuenow={position}
            aria-valuetext={progress}
            data-testid="stage-progress"
          >
            {progress}
          </span>
        </summary>
        <div className="sf-stage__more">
          <div className="sf-stage__goal" data-testid="stage-goal">
            <span className="sf-stage__goal-label">{t('stage.goal')}</span>
            <span>{localize(stage.goal, lang)}</span>
          </div>
          <p className="sf-muted sf-stage__crm">
            <span data-testid="stage-crm">{t('stage.crm', { name: stage.crmStage })}</span>
            {' · '}
            <span>{t('stage.role', { role })}</span>
          </p>
        </div>
      </details>
    </section>
  );
}
