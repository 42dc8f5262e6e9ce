import type { ClientContext, Contact, PageField } from '../../context/client-context';
import { normaliseSpace, queryAllOf, queryOrNull, textOf } from '../dom-lookup';
import { amoLang, cfKey, checkboxText, linkedFields, STANDARD_LABELS } from './card-fields';
import { AMO } from './selectors';
import { parseAmoCardUrl } from './url';

/**
 * amoCRM card markup → ClientContext, origin 'dom' (the fallback when the page's own data is
 * not handed over). Fields hidden for the current stage (class u-hidden-cf) are skipped: the
 * CRM does not ask for them at this stage, so they are not required. Fields in inactive group
 * tabs are read: they are in the DOM, only not displayed.
 */
export interface AmoDomReading {
  context: ClientContext;
  /** Keys of fields present on the card but hidden for this stage. */
  hiddenKeys: string[];
}

export function readAmoDomDetailed(doc: Document, url: URL): AmoDomReading | null {
  const ref = parseAmoCardUrl(url);
  if (!ref) return null;
  const root = queryOrNull(doc, AMO.cardRoot);
  if (!root) return null;
  const block = queryOrNull(root, AMO.fieldsBlock) ?? root;
  const nameInput = queryOrNull<HTMLInputElement>(root, AMO.name);
  if (!nameInput) return null;
  // During an SPA navigation the old card stays rendered for a moment under the new URL.
  const idTag = textOf(queryOrNull(root, AMO.idTag)).replace(/^#/, '');
  if (idTag && idTag !== ref.id) return null;

  const lang = amoLang(doc.documentElement.lang, url);
  const name = normaliseSpace(nameInput.value);

  const view = queryOrNull(block, AMO.statusView);
  const stageId = view?.dataset['statusId'] || queryOrNull<HTMLInputElement>(block, AMO.statusInput)?.value || null;
  const pipeline = textOf(queryOrNull(block, AMO.pipelineName)) || null;
  const stage = textOf(queryOrNull(block, AMO.stageName)) || null;

  const budgetField = queryOrNull(block, AMO.budgetField);
  const budgetInput = budgetField ? queryOrNull<HTMLInputElement>(budgetField, AMO.budgetInput) : null;
  const budget = normaliseSpace(budgetInput?.value) || (budgetField ? textOf(queryOrNull(budgetField, AMO.budgetText)) : '');

  const responsibleField = queryOrNull(block, AMO.responsibleField);
  const responsible = (responsibleField && textOf(queryOrNull(responsibleField, AMO.responsibleName))) || null;

  const fields: PageField[] = [{ key: 'name', label: STANDARD_LABELS.name[lang], value: name }];
  if (ref.entity === 'lead') {
    fields.push({ key: 'budget', label: labelOf(budgetField) || STANDARD_LABELS.budget[lang], value: budget });
    fields.push({
      key: 'responsible',
      label: labelOf(responsibleField) || STANDARD_LABELS.responsible[lang],
      value: responsible ?? '',
    });
  }
  const hiddenKeys: string[] = [];
  for (const field of customFieldElements(block)) {
    const key = cfKey(field.dataset['id'] ?? '');
    if (field.classList.contains(AMO.hiddenForStageClass)) {
      hiddenKeys.push(key);
      continue;
    }
    fields.push({ key, label: labelOf(field), value: customFieldValue(field), type: fieldType(field) });
  }

  const { contacts, company } = readLinked(root);
  const mainCompany = company ?? (normaliseSpace(queryOrNull<HTMLInputElement>(block, AMO.companyName)?.value) || null);
  fields.push(...linkedFields(contacts, mainCompany, lang));

  return {
    context: {
      source: 'amocrm',
      account: url.hostname,
      entity: ref.entity,
      crmId: ref.id,
      url: url.href,
      name,
      pipeline,
      stage,
      stageId,
      budget,
      responsible,
      company: mainCompany,
      contacts,
      fields,
      origin: 'dom',
    },
    hiddenKeys,
  };
}

/** Custom fields of the main form: a numeric data-id, outside linked contact forms. */
export function customFieldElements(block: ParentNode): HTMLElement[] {
  const linkedForm = AMO.linkedForm.join(',');
  return queryAllOf<HTMLElement>(block, AMO.field).filter(
    (el) => /^\d+$/.test(el.getAttribute('data-id') ?? '') && !el.closest(linkedForm),
  );
}

function labelOf(field: Element | null): string {
  const label = field ? queryOrNull(field, AMO.fieldLabel) : null;
  return normaliseSpace(label?.getAttribute('title')) || textOf(label);
}

const FIELD_TYPE_CLASS = new RegExp(`(?:^|\\s)${AMO.fieldTypeClassPrefix}([\\w-]+)`);

/** Field type from its class linked-form__field-<type>; read off className, which is much cheaper than walking classList. */
function fieldType(field: Element): string {
  return FIELD_TYPE_CLASS.exec(field.className)?.[1] ?? 'text';
}

function customFieldValue(field: HTMLElement): string {
  const value = queryOrNull(field, AMO.fieldValue) ?? field;
  switch (fieldType(field)) {
    case 'checkbox':
      return checkboxText(value.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked ?? false);
    case 'select': {
      // The hidden input holds the chosen enum id; the button shows a placeholder when empty.
      const chosen = value.querySelector<HTMLInputElement>('input[type="hidden"][name^="CFV["]')?.value ?? '';
      if (!chosen) return '';
      const item = queryAllOf(value, AMO.selectItem).find((li) => li.dataset['value'] === chosen);
      return textOf(item) || textOf(queryOrNull(value, AMO.selectButtonText));
    }
    case 'multiselect':
    case 'radio': {
      const ticked = Array.from(value.querySelectorAll<HTMLInputElement>('input[name^="CFV["]:checked'));
      return ticked
        .map((input) => textOf(queryOrNull(input.closest('label') ?? input.parentElement ?? input, AMO.multiselectCheckedLabelTitle)) || textOf(input.closest('label')))
        .filter((t) => t !== '')
        .join(', ');
    }
    default: {
      const control = value.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        'textarea[name^="CFV["], input[name^="CFV["]:not([type="hidden"]), textarea, input:not([type="hidden"])',
      );
      return control ? normaliseSpace(control.value) : textOf(value);
    }
  }
}

/** Linked contact and company forms, skipping the empty "add" forms. */
export function linkedForms(root: ParentNode): { contacts: HTMLFormElement[]; company: HTMLFormElement | null } {
  const block = queryOrNull(root, AMO.linkedBlock);
  const contacts: HTMLFormElement[] = [];
  let company: HTMLFormElement | null = null;
  if (!block) return { contacts, company };
  for (const item of queryAllOf(block, AMO.linkedItem)) {
    if (item.classList.contains(AMO.linkedAddItemClass)) continue;
    const form = queryOrNull<HTMLFormElement>(item, AMO.linkedForm);
    if (!form) continue;
    if ((form.getAttribute('action') ?? '').includes('/companies/')) company ??= form;
    else contacts.push(form);
  }
  return { contacts, company };
}

function inputValues(form: ParentNode, selectors: readonly string[]): string[] {
  return queryAllOf<HTMLInputElement>(form, selectors)
    .map((i) => normaliseSpace(i.value))
    .filter((v) => v !== '');
}

function readLinked(root: ParentNode): { contacts: Contact[]; company: string | null } {
  const forms = linkedForms(root);
  const contacts = forms.contacts.map((form) => ({
    name: normaliseSpace(queryOrNull<HTMLInputElement>(form, AMO.linkedName)?.value),
    phones: inputValues(form, AMO.phoneInput),
    emails: inputValues(form, AMO.emailInput),
  }));
  const company = forms.company ? normaliseSpace(queryOrNull<HTMLInputElement>(forms.company, AMO.linkedName)?.value) : null;
  return { contacts, company };
}
