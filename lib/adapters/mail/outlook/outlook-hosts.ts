/**
 * Outlook on the web: consumer (outlook.live.com), Microsoft 365 (outlook.office.com,
 * outlook.office365.com) and the 2024 domain outlook.cloud.microsoft (research notes §5.1;
 * komlev/darksouls-notifications matches the same four for the send request, 2026-03).
 */
export const OUTLOOK_HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'] as const;
