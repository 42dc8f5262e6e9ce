import type { Lang } from '../../lib/i18n/lang';
import { isMessageKey } from '../../lib/i18n/messages';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { StageView } from '../../lib/playbook/panel-model';

export interface StageHeaderProps {
  stage: StageView;
  lang: Lang;
}

/** The deal stage: where the client is in the playbook, and what to achieve here. */
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
  return (
    <section className="sf-card sf-stage" aria-labelledby="sf-stage-name" data-testid="stage">
      <div className="sf-stage__top">
        <span className="sf-eyebrow" data-testid="stage-progress">
          {t('stage.progress', { index: position, total: stage.total })}
        </span>
        <span className="sf-eyebrow sf-stage__role">{t('stage.role', { role })}</span>
      </div>
      <h2 id="sf-stage-name" className="sf-stage__name" data-testid="stage-name">
        {localize(stage.name, lang)}
      </h2>
      <div
        className="sf-progress"
        role="progressbar"
        aria-label={t('stage.progressLabel')}
        aria-valuemin={1}
        aria-valuemax={stage.total}
        aria-valuenow={position}
        aria-valuetext={t('stage.progress', { index: position, total: stage.total })}
      >
        {Array.from({ length: stage.total }, (_, i) => (
          <span key={i} className={i < position ? 'sf-progress__step is-done' : 'sf-progress__step'} />
        ))}
      </div>
      <p className="sf-muted sf-stage__crm" data-testid="stage-crm">{t('stage.crm', { name: stage.crmStage })}</p>
      <div className="sf-stage__goal" data-testid="stage-goal">
        <span className="sf-stage__goal-label">{t('stage.goal')}</span>
        <span>{localize(stage.goal, lang)}</span>
      </div>
    </section>
  );
}
