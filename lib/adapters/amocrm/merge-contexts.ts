import type { ClientContext } from '../../context/client-context';

/**
 * Page data is the truth for ids and values; the DOM fills what the page data lacks and
 * says how the card looks right now: labels as the user sees them, which fields this stage
 * hides (dropped), and linked contacts when the model does not expose them.
 */
export function mergeAmoContexts(data: ClientContext, dom: ClientContext, hiddenKeys: readonly string[]): ClientContext {
  const sameStage = dom.stageId === data.stageId;
  const domLabels = new Map(dom.fields.map((f) => [f.key, f.label]));
  const hidden = new Set(hiddenKeys);
  const useDomLinks = data.contacts.length === 0 && dom.contacts.length > 0;

  const fields = data.fields
    .filter((f) => !hidden.has(f.key))
    .filter((f) => !(useDomLinks && f.key.startsWith('contact:')))
    .map((f) => ({ ...f, label: domLabels.get(f.key) || f.label }));
  const known = new Set(fields.map((f) => f.key));
  for (const f of dom.fields) {
    const wanted = f.key === 'company' ? data.company === null : useDomLinks && f.key.startsWith('contact:');
    if (wanted && !known.has(f.key)) fields.push(f);
  }

  return {
    ...data,
    pipeline: data.pipeline ?? (sameStage ? dom.pipeline : null),
    stage: data.stage ?? (sameStage ? dom.stage : null),
    responsible: data.responsible ?? dom.responsible,
    company: data.company ?? dom.company,
    contacts: useDomLinks ? dom.contacts : data.contacts,
    fields: fields.map((f) =>
      f.key === 'responsible' && f.value === '' && data.responsible === null ? { ...f, value: dom.responsible ?? '' } : f,
    ),
  };
}
