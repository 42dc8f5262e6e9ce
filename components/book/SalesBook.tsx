import type { Lang } from '../../lib/i18n/lang';
import type { Translator } from '../../lib/i18n/translate';
import type { Playbook } from '../../lib/playbook/schema';
import { scriptSteps } from '../../lib/sales-book/script-graph';

/** The printable sales book for new hires: stages, scripts as numbered steps, objection answers. */
export function SalesBook({ playbook, lang, t }: { playbook: Playbook; lang: Lang; t: Translator }) {
  const fieldName = (id: string) => playbook.fields.find((f) => f.id === id)?.label[lang] ?? id;
  return (
    <article className="sf-salesbook" data-testid="sales-book">
      <header className="sf-salesbook__header">
        <h1>{t('book.title', { name: playbook.name[lang] })}</h1>
        <button type="button" className="sf-btn sf-salesbook__print" onClick={() => globalThis.print()}>{t('book.print')}</button>
      </header>

      <section aria-labelledby="sb-stages">
        <h2 id="sb-stages">{t('book.section.stages')}</h2>
        <ol className="sf-salesbook__stages">
          {playbook.stages.map((stage) => (
            <li key={stage.id} data-testid="book-stage">
              <h3>{stage.name[lang]}</h3>
              <p>{stage.goal[lang]}</p>
              {stage.requiredFields.length > 0 && (
                <p><strong>{t('book.requiredFields')}:</strong> {stage.requiredFields.map(fieldName).join(', ')}</p>
              )}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="sb-scripts">
        <h2 id="sb-scripts">{t('book.section.scripts')}</h2>
        {playbook.scripts.map((script) => (
          <section key={script.id} className="sf-salesbook__script" data-testid="book-script">
            <h3>{script.title[lang]}</h3>
            <ol className="sf-salesbook__steps">
              {scriptSteps(script).map((step) => (
                <li key={step.id} value={step.number} id={`sb-${script.id}-${step.id}`}>
                  <p className="sf-salesbook__say">{step.node.say[lang]}</p>
                  {step.node.goal ? (
                    <p className="sf-salesbook__goal">{t('book.goalReached')}</p>
                  ) : (
                    <ul>
                      {step.answers.map((a, i) => (
                        <li key={i}>
                          «{a.label[lang]}» → {a.nextNumber === null ? a.next : t('book.toStep', { n: a.nextNumber })}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </section>

      <section aria-labelledby="sb-objections">
        <h2 id="sb-objections">{t('book.section.objections')}</h2>
        <dl className="sf-salesbook__objections">
          {playbook.objections.map((o) => (
            <div key={o.id} data-testid="book-objection">
              <dt>«{o.phrase[lang]}»</dt>
              {o.answers.map((a, i) => (
                <dd key={i}>{a[lang]}</dd>
              ))}
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
