import type { ClientContext, PageField } from '../context/client-context';
import type { ChecklistItem } from './panel-model';
import type { Field, Playbook, Stage } from './schema';
import { checkValue, effectiveType, type ValueType } from './field-value';
import { isBlank, labelMatches } from './text-match';

/**
 * The stages whose requirements apply at `stageId`, earliest first: the stage, its parent
 * (`inheritFrom`, or the previous stage in order), that stage's parent, and so on.
 * The schema guarantees a parent comes earlier, so the walk ends.
 */
export function inheritanceChain(playbook: Playbook, stageId: string): Stage[] {
  const chain: Stage[] = [];
  let index = playbook.stages.findIndex((s) => s.id === stageId);
  while (index >= 0) {
    const stage: Stage | undefined = playbook.stages[index];
    if (stage === undefined || chain.includes(stage)) break;
    chain.unshift(stage);
    index = stage.inheritFrom !== undefined ? playbook.stages.findIndex((s) => s.id === stage.inheritFrom) : index - 1;
  }
  return chain;
}

/** Required field ids at a stage, each with the stage that first requires it, earliest first. */
export function requiredFieldsFor(playbook: Playbook, stageId: string): { fieldId: string; requiredFrom: string }[] {
  const out: { fieldId: string; requiredFrom: string }[] = [];
  for (const stage of inheritanceChain(playbook, stageId)) {
    for (const fieldId of stage.requiredFields) {
      if (!out.some((r) => r.fieldId === fieldId)) out.push({ fieldId, requiredFrom: stage.id });
    }
  }
  return out;
}

/**
 * amoCRM shows an unset budget as "0 ₽", so a budget whose digits are all zeros counts as empty:
 * nobody agrees a deal worth nothing.
 */
export function isEmptyBudget(budget: string): boolean {
  if (isBlank(budget)) return true;
  const digits = budget.replace(/\D/g, '');
  return digits !== '' && /^0+$/.test(digits);
}

function firstFilled(values: readonly string[]): string {
  return values.find((v) => !isBlank(v))?.trim() ?? '';
}

/** Page field keys the readers give the CRM's built-in fields, whatever their label. */
const SOURCE_KEYS: Partial<Record<Field['source'], string>> = {
  budget: 'budget',
  company: 'company',
  responsible: 'responsible',
  name: 'name',
};

/** A stable id as a page field key: 'CFV[512306]' (the form control's name) is 'cf:512306'. */
export function pageFieldKey(id: string): string {
  const cfv = /^CFV\[(\d+)\]$/i.exec(id.trim());
  return cfv ? `cf:${cfv[1]}` : id.trim();
}

/**
 * The page field for a requirement that no earlier requirement has taken: by its stable ids
 * first (the playbook's `keys`, the built-in field of its source), so a card in any UI
 * language is read alike, then by the first label alias that names one.
 */
function pageFieldFor(field: Field, ctx: ClientContext, claimed: ReadonlySet<string>): PageField | undefined {
  const free = ctx.fields.filter((f) => !claimed.has(f.key));
  const sourceKey = SOURCE_KEYS[field.source];
  const keys = [...(field.keys ?? []).map(pageFieldKey), ...(sourceKey ? [sourceKey] : [])];
  for (const key of keys) {
    const byKey = free.find((f) => f.key === key);
    if (byKey) return byKey;
  }
  return free.find((f) => labelMatches(f.label, field.aliases));
}

export interface ResolvedField {
  value: string;
  fieldKey: string | null;
  valueType: ValueType;
  bad: string | null;
}

/**
 * Finds a required field's value on the client card and the page field to outline when it is
 * missing. Contact data come from the card's contacts first, then from a form field with a
 * matching label; a value made of whitespace counts as missing. A form field's value is checked
 * by type (field-value.ts). `claimed` holds page fields already given to other requirements:
 * one CRM field satisfies at most one requirement.
 */
export function resolveField(field: Field, ctx: ClientContext, claimed: ReadonlySet<string> = new Set()): ResolvedField {
  const pageField = pageFieldFor(field, ctx, claimed);
  const onPage = pageField?.value ?? '';
  const phones = ctx.contacts.flatMap((c) => c.phones);
  const emails = ctx.contacts.flatMap((c) => c.emails);
  const plain = (value: string): ResolvedField => ({ value, fieldKey: pageField?.key ?? null, valueType: 'text', bad: null });
  switch (field.source) {
    case 'contact.phone':
      return plain(firstFilled([...phones, onPage]));
    case 'contact.email':
      return plain(firstFilled([...emails, onPage]));
    case 'contact.any':
      return plain(firstFilled([...phones, ...emails, onPage]));
    case 'budget': {
      const budgetField = ctx.fields.find((f) => f.key === 'budget' && !claimed.has(f.key)) ?? pageField;
      const value = [ctx.budget, budgetField?.value ?? ''].find((b) => !isEmptyBudget(b))?.trim() ?? '';
      return { value, fieldKey: budgetField?.key ?? null, valueType: 'number', bad: null };
    }
    case 'company':
      return plain(firstFilled([ctx.company ?? '', onPage]));
    case 'responsible':
      return plain(firstFilled([ctx.responsible ?? '', onPage]));
    case 'name':
      return plain(firstFilled([ctx.name, onPage]));
    case 'field': {
      const valueType = effectiveType(pageField?.type, field.type);
      const check = checkValue(onPage, valueType);
      return check.filled
        ? { value: check.shown, fieldKey: pageField?.key ?? null, valueType, bad: null }
        : { value: '', fieldKey: pageField?.key ?? null, valueType, bad: check.bad };
    }
  }
}

/**
 * The checklist at a stage: every cumulative requirement, filled or not, earliest first.
 * Requirements take page fields in that order, each field once, so two requirements that share
 * a label alias never both count (or both miss) the same CRM field.
 */
export function buildChecklist(playbook: Playbook, stageId: string, ctx: ClientContext): ChecklistItem[] {
  const claimed = new Set<string>();
  return requiredFieldsFor(playbook, stageId).flatMap(({ fieldId, requiredFrom }) => {
    const field = playbook.fields.find((f) => f.id === fieldId);
    if (field === undefined) return [];
    const { value, fieldKey, valueType, bad } = resolveField(field, ctx, claimed);
    if (fieldKey !== null) claimed.add(fieldKey);
    return [{ id: field.id, label: field.label, filled: value !== '', value, valueType, bad, fieldKey, requiredFrom }];
  });
}
