import type { SiteContentScript } from '../site-manifest';

/**
 * A webmail as the manifest sees it. Each lives in lib/adapters/mail/<id>/ with two entries:
 * `page-hook.ts` (the page world, from document_start: the send hook must wrap the page's
 * XMLHttpRequest and fetch before the webmail's code uses them) and `content.ts` (the
 * isolated relay to the background). Neither goes near a CRM host, nor a CRM's near a webmail.
 */
export interface MailSite {
  id: string;
  /** Match patterns: the content scripts' matches and host_permissions. */
  hosts: readonly string[];
}

export const MAIL_SITES: readonly MailSite[] = [{ id: 'gmail', hosts: ['https://mail.google.com/*'] }];

export function mailContentScripts(sites: readonly MailSite[]): SiteContentScript[] {
  return sites.flatMap((site) => [
    { name: `${site.id}-send-hook`, source: `lib/adapters/mail/${site.id}/page-hook.ts`, matches: [...site.hosts], allFrames: false, world: 'MAIN' as const, runAt: 'document_start' as const },
    { name: `${site.id}-mail`, source: `lib/adapters/mail/${site.id}/content.ts`, matches: [...site.hosts], allFrames: false, world: 'ISOLATED' as const },
  ]);
}

/** Every webmail host pattern, once. */
export function mailHostPatterns(sites: readonly MailSite[]): string[] {
  return [...new Set(sites.flatMap((site) => site.hosts))];
}
