/**
 * Every Bitrix24 selector, in one place (where each comes from, with dates: SOURCES.md).
 * Each list is alternatives, first match wins. Tags: [src] vendor front-end code (the public
 * mirror of the Bitrix24 core modules, read 2026-12-01), [3p] third-party scripts and
 * autotests that drive live portals (dated in the comment), [G] our guess — check on a live
 * portal before relying on it. Stable hooks first: data-cid (the field's name in the entity
 * editor), data-id (stage id), ids; classes are the vendor's long-lived prefixed names.
 */
export const BX = {
  /** The entity editor: every card field lives in it; without it there is no card. */
  editor: [
    '.ui-entity-editor-column-wrapper', // [src] ui.entity-editor layout, 2026-12-01
    '.crm-entity-card-container', // [src] crm.entity.details: the main tab's editor column
    '[data-role="crm-item-detail-container"]', // [src] crm.entity.details tabs wrapper
  ],
  /** One editor field: a block whose data-cid is the field's name (sections carry data-cid too). */
  field: [
    '.ui-entity-editor-content-block[data-cid]', // [src] ui.entity-editor; [3p] Tampermonkey 2024, Selenium page objects 2025
  ],
  fieldLabel: [
    '.ui-entity-editor-block-title-text', // [src] ui.entity-editor creates label.ui-entity-editor-block-title-text
  ],
  /** A plain field's shown value in view mode. */
  fieldText: [
    '.ui-entity-editor-content-block-text', // [src] view-mode text; [3p] Selenium STAGE_ID / ID locators, 2025
  ],
  /** The record's title above the card (deal/lead/company name; a contact's full name). */
  title: [
    '#pagetitle', // [3p] userscript finds the slider card by #pagetitle, 2026-08
    '.pagetitle-item', // [G] same element by class
  ],
  /** Stage bar of deals and leads. */
  stageStep: [
    '.crm-entity-section-status-step[data-id]', // [src] crm.entity.progressbar template: data-id = STATUS_ID
    '.ui-stageflow-stage[data-stage-id]', // [src] ui.stageflow (new cards, smart processes)
  ],
  stageStepText: [
    '.crm-entity-section-status-step-item-text', // [src] progressbar: the step's name
    '.ui-stageflow-stage-item-text', // [src] ui.stageflow
  ],
  /** The painted part of a step: passed steps and the current one carry an inline colour. */
  stageStepItem: [
    '.crm-entity-section-status-step-item', // [src] progressbar; which step is current is [G], see reader
    '.ui-stageflow-stage-item', // [G] stageflow counterpart
  ],
  /** Responsible user (ASSIGNED_BY_ID field). */
  employeeName: [
    '.crm-widget-employee-name', // [3p] extension reading the responsible, href /company/personal/user/<id>/
    'a[href*="/company/personal/user/"]', // [3p] same link, by its target
  ],
  /** Money field (OPPORTUNITY_WITH_CURRENCY): sum and currency as shown. */
  moneyValue: [
    '.crm-entity-widget-content-block-inner-text-pay', // [src] EntityEditorMoney view wrapper
    '.crm-entity-widget-content-block-wallet', // [src] EntityEditorMoney: the sum element
    '.ui-entity-editor-content-block-text', // [src] generic view text
  ],
  /** Client field (CLIENT on deals; COMPANY / CONTACT on contacts and companies). */
  clientBox: [
    '.crm-entity-widget-client-box', // [src] client/participants block; [3p] scripts 2023–2025
  ],
  clientName: [
    'a.crm-entity-widget-client-box-name', // [3p] Selenium CLIENT_BLOCK locator, 2025; [src] client block
    '.crm-entity-widget-client-box-name', // [src] without a link (no rights to open it)
  ],
  /** Phones and e-mails inside a client box. */
  clientPhone: [
    '.crm-entity-phone-number', // [3p] title holds the number
    'a[href^="callto:"]', // [G] Bitrix24 dials through callto: links
    'a[href^="tel:"]', // [G]
  ],
  clientEmail: [
    'a[href^="mailto:"]', // [G] e-mails are mailto: links
  ],
  /** Own multi-fields (PHONE, EMAIL on leads, contacts, companies): one row per value. */
  multifieldValue: [
    '.crm-entity-widget-content-block-mutlifield-value', // [3p] 2026-08 ("mutli" is the vendor's spelling)
    '.crm-entity-widget-content-block-mutlifield', // [3p] index of a 2024 extension
  ],
  /** The slider iframe over a list; its src is the card's URL. */
  sliderFrame: [
    'iframe.side-panel-iframe', // [3p] vendor autotests switch into //iframe[@class='side-panel-iframe']
  ],
} as const;

/**
 * What every deal and lead card shows; the reader checks each in strict mode (fixture tests),
 * so a markup change names the anchor that drifted. Contacts and companies have no stage bar.
 */
export function bxCardAnchors(): Record<'editor' | 'field' | 'fieldLabel' | 'title', readonly string[]> {
  return { editor: BX.editor, field: BX.field, fieldLabel: BX.fieldLabel, title: BX.title };
}

/** The stage bar's anchors, on deal and lead cards. (Functions: nothing runs when the module loads.) */
export function bxStageAnchors(): Record<'stageStep' | 'stageStepText', readonly string[]> {
  return { stageStep: BX.stageStep, stageStepText: BX.stageStepText };
}
