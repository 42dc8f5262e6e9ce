import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import { fillTemplate, type PlaceholderValues } from '../../lib/playbook/placeholders';

export interface ScriptLineProps {
  text: string;
  values: PlaceholderValues;
  lang: Lang;
}

/** A script line with the client's details filled in; a detail the card lacks shows as a highlighted "[имя клиента]". */
export function ScriptLine({ text, values, lang }: ScriptLineProps) {
  const t = makeTranslator(lang);
  return (
    <>
      {fillTemplate(text, values).map((part, i) => {
        if (part.kind === 'text') return part.text;
        if (part.kind === 'value') {
          return (
            <span key={i} className="sf-filled" data-placeholder={part.name}>
              {part.text}
            </span>
          );
        }
        return (
          <mark key={i} className="sf-fallback" data-testid="script-gap" data-placeholder={part.name} title={t('script.gapHint')}>
            [{t(`placeholder.${part.name}`)}]
          </mark>
        );
      })}
    </>
  );
}
