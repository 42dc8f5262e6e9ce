/** Match patterns of the CRM hosts Sufler overlays (amoCRM and its international twin Kommo). */
export const CRM_HOST_PATTERNS = [
  '*://*.amocrm.ru/*',
  '*://*.amocrm.com/*',
  '*://*.kommo.com/*',
] as const;
