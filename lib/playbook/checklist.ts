import type { ClientContext, PageField } from '../context/client-context';
import type { ChecklistItem } from './panel-model';
import type { Field, Playbook, Stage } from './schema';
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

function pageFieldFor(field: Field, ctx: ClientContext): PageField | undefined {
  return ctx.fields.find((f) => labelMatches(f.label, field.aliases));
}

/**
 * Finds a required field's value on the client card and the page field to outline when it is
 * missing. Contact data come from the card's contacts first, then from a form field with a
 * matching label; a value made of whitespace counts as missing.
 */
export function resolveField(field: Field, ctx: ClientContext): { value: string; fieldKey: string | null } {
  const pageField = pageFieldFor(field, ctx);
  const onPage = pageField?.value ?? '';
  const phones = ctx.contacts.flatMap((c) => c.phones);
  const emails = ctx.contacts.flatMap((c) => c.emails);
  let value: string;
  let fieldKey = pageField?.key ?? null;
  switch (field.source) {
    case 'contact.phone':
      value = firstFilled([...phones, onPage]);
      break;
    case 'contact.email':
      value = firstFilled([...emails, onPage]);
      break;
    case 'contact.any':
      value = firstFilled([...phones, ...emails, onPage]);
      break;
    case 'budget': {
      const budgetField = ctx.fields.find((f) => f.key === 'budget') ?? pageField;
      fieldKey = budgetField?.key ?? null;
      value = [ctx.budget, budgetField?.value ?? ''].find((b) => !isEmptyBudget(b))?.trim() ?? '';
      break;
    }
    case 'company':
      value = firstFilled([ctx.company ?? '', onPage]);
      break;
    case 'responsible':
      value = firstFilled([ctx.responsible ?? '', onPage]);
      break;
    case 'name':
      value = firstFilled([ctx.name, onPage]);
      break;
    case 'field':
      value = firstFilled([onPage]);
      break;
  }
  return { value, fieldKey };
}

/** The checklist at a stage: every cumulative requirement, filled or not, earliest first. */
export function buildChecklist(playbook: Playbook, stageId: string, ctx: ClientContext): ChecklistItem[] {
  return requiredFieldsFor(playbook, stageId).flatMap(({ fieldId, requiredFrom }) => {
    const field = playbook.fields.find((f) => f.id === fieldId);
    if (field === undefined) return [];
    const { value, fieldKey } = resolveField(field, ctx);
    return [{ id: field.id, label: field.label, filled: value !== '', value, fieldKey, requiredFrom }];
  });
}
