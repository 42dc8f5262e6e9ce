/**
 * Yandex Mail answers on `mail.yandex.<zone>` for the zones of Yandex's national portals
 * (research notes 2026-12-01 §5.2; the send URL is the same path on every zone, LoadRunner and
 * Cypress captures on mail.yandex.ru). A zone missing here leaves that site's letters untracked.
 */
export const YANDEX_MAIL_ZONES = ['ru', 'com', 'by', 'kz', 'uz', 'com.tr', 'az', 'com.am', 'co.il', 'kg', 'tj', 'tm'] as const;

export const YANDEX_MAIL_HOSTS: readonly string[] = YANDEX_MAIL_ZONES.map((zone) => `mail.yandex.${zone}`);
