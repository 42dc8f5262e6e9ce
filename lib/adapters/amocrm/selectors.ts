/**
 * Every amoCRM/Kommo selector, in one place. Markup as compiled into the Kommo production
 * bundle seen 2025-11 (Twig templates interface/cards/*,
 * interface/leads/card). amoCRM.ru and Kommo share that codebase.
 * Each list is alternatives, first match wins; [src] = vendor template, [3p] = third-party
 * widgets/scrapers, [G] = our guess (check on a live account before relying on it).
 */
export const AMO = {
  /** Root of the card; without it there is no card on the page. */
  cardRoot: [
    '#card_fields', // [src] div#card_fields.js-card-fields.card-holder__fields (interface/cards/base)
    '.js-card-fields', // [src] same element, by its js- hook
  ],
  /** The card's event feed (notes, calls, mail, tasks), right of the fields column. */
  feed: [
    '.js-card-feed', // [src] div.card-holder__feed.js-card-feed (interface/cards/base)
    '.card-holder__feed', // [src] same element, by its BEM class
  ],
  /** The main entity form holding name, status, budget, responsible and custom fields. */
  fieldsBlock: [
    '.card-fields__fields-block', // [src] main entity form block
    '#edit_card', // [src] <form id="edit_card" class="card-entity-form">
  ],
  /** Lead/contact/company name on the card. */
  name: [
    '#person_n', // [src] input#person_n name="lead[NAME]" in #card_name_holder
    '.js-card-name input[name$="[NAME]"]', // [src] name wrapper, any entity
    '#card-header-person_n', // [src] inbox card header variant
    'input[name="lead[NAME]"]', // [src] by form name
    'input[name="contact[NAME]"]', // [src] contact card main form
    'input[name="company[NAME]"]', // [src] company card main form
  ],
  /** Fake tag with "#<id>" next to the name. */
  idTag: ['#lead_id'], // [src]
  /** Pipeline/stage widget: carries data-pipeline-id and data-status-id. */
  statusView: [
    '#card_status_view_mode', // [src] div.pipeline-select-view__inner#card_status_view_mode
    '.pipeline-select-view__inner', // [src] same, by class
  ],
  pipelineName: ['.pipeline-select-view__pipeline'], // [src]
  stageName: ['.pipeline-select-view__status'], // [src]
  /** Time in stage shown inside the stage name, e.g. "(6 days)"; not part of the name. */
  stageTimeInStage: ['.pipeline-select-view__status-from'], // [src] seen on Kommo EN, 2025-11
  /** Checked form inputs: the fallback for ids when the view lacks data attributes. */
  statusInput: [
    'input[name="lead[STATUS]"]:checked', // [3p] widget reading #card_fields … :checked
    'input[name="lead[STATUS]"][type="hidden"]', // [G] read-only card keeps a hidden input
  ],
  pipelineInput: [
    'input[name="lead[PIPELINE_ID]"]:checked', // [3p]
    'input[name="lead[PIPELINE_ID]"][type="hidden"]', // [G]
  ],
  /** Budget field wrapper and its value. */
  budgetField: [
    '.linked-form__field_budget', // [src] div.linked-form__field.linked-form__field_budget[data-id="budget"]
    '.linked-form__field[data-id="budget"]', // [src] same, by data-id
  ],
  budgetInput: [
    'input[name="lead[PRICE]"]', // [src] input#lead_card_budget name="lead[PRICE]"
    '#lead_card_budget', // [src]
  ],
  budgetText: ['.card-budget__title__sum'], // [src] no-rights variant: the sum as text
  /** Responsible user. */
  responsibleField: ['.linked-form__field_reassign'], // [src]
  responsibleName: [
    '.linked-form__field-inner_no-rights', // [src] no-rights variant: the user's name
    '.multisuggest__list-item .tag', // [G] users_select control, selected user chip
    '.users-select__head-title', // [G] collapsed users_select head
  ],
  /** Every field of a form; filtered further in code (status, name, add forms). */
  field: ['.linked-form__field'], // [src]
  fieldLabel: ['.linked-form__field__label'], // [src] carries title="<Field name>"
  fieldValue: ['.linked-form__field__value'], // [src]
  /** Field hidden for the current stage (amoCRM "required/visible by stage" settings). */
  hiddenForStageClass: 'u-hidden-cf', // [src]
  /** Type of a custom field, from the class linked-form__field-<type>. */
  fieldTypeClassPrefix: 'linked-form__field-', // [src] interface/cards/forms/item
  /** Select control pieces (single choice). */
  selectItem: [
    '.control--select--list--item', // [3p] li[data-value] of the dropdown list
  ],
  selectButtonText: ['.control--select--button-inner'], // [3p] visible selected option
  /** Multiselect: checked boxes and their titles. */
  multiselectCheckedLabelTitle: ['.checkboxes_dropdown__label_title'], // [3p]
  /** Linked contacts and companies. */
  linkedBlock: [
    '.js-linked_contacts_and_companies', // [src] card-fields__linked-block-item_companies-contacts
    '.js-linked_elements_wrapper', // [src] card-fields__linked-block
  ],
  linkedItem: ['li.linked-forms__item'], // [src]
  linkedAddItemClass: 'linked-forms__item_is-add', // [src] the empty "add" form: skipped
  linkedForm: ['form.linked-form'], // [src] action="/ajax/{contacts|companies}/detail/"
  linkedName: [
    '.linked-form__field-name input', // [src] name field of a linked form
    'input[name="contact[NAME]"]', // [src] also used by the linked company form
    'input[name="company[NAME]"]', // [src]
  ],
  /** Phone/email multi-fields inside a linked form. */
  phoneInput: [
    '[data-pei-code="phone"] input[name$="[VALUE]"]', // [G] pei field tagged by code
    'input.control-phone__formatted', // [G] formatted phone input
    'input.control-phone', // [3p] scraper value selector
  ],
  emailInput: [
    '[data-pei-code="email"] input[name$="[VALUE]"]', // [G]
    'input[type="email"]', // [G]
  ],
  /** Standalone company name on a contact card. */
  companyName: ['input[name="company[NAME]"]'], // [src]
} as const;

/**
 * What every lead card shows; the reader checks each in strict mode (fixture tests), so a
 * markup change names the anchor that drifted. The card root and the name are required in
 * any mode: without them there is no card.
 */
export const AMO_LEAD_CARD_ANCHORS = {
  cardRoot: AMO.cardRoot,
  fieldsBlock: AMO.fieldsBlock,
  name: AMO.name,
  statusView: AMO.statusView,
  stageName: AMO.stageName,
  budgetField: AMO.budgetField,
  responsibleField: AMO.responsibleField,
} as const satisfies Record<string, readonly string[]>;
