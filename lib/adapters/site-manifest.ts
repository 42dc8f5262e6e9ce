import type { SiteAdapter } from './types';

/**
 * What the manifest says about each site, derived from the adapters' declarations so a new
 * CRM needs no edit outside its folder and its registry line. Pure: wxt.config.ts turns these
 * into content-script entrypoints, host_permissions and web_accessible_resources.
 */
export type SiteDeclaration = Pick<SiteAdapter, 'id' | 'hosts' | 'allFrames' | 'pageHelper'>;

export interface SiteContentScript {
  /** Output name: content-scripts/<name>.js. */
  name: string;
  /** Repository-relative source of the entry. */
  source: string;
  matches: string[];
  allFrames: boolean;
  world: 'ISOLATED' | 'MAIN';
}

/** Each site's isolated content script (its own adapter only) and, if any, its page-world helper. */
export function siteContentScripts(sites: readonly SiteDeclaration[]): SiteContentScript[] {
  return sites.flatMap((site) => {
    const matches = [...site.hosts];
    const allFrames = site.allFrames === true;
    const content: SiteContentScript = {
      name: site.id,
      source: `lib/adapters/${site.id}/content.ts`,
      matches,
      allFrames,
      world: 'ISOLATED',
    };
    if (!site.pageHelper) return [content];
    // The helper reads the same frame the content script reads, so it follows allFrames.
    return [content, { name: `${site.id}-page-helper`, source: `lib/adapters/${site.id}/page-helper.ts`, matches, allFrames, world: 'MAIN' }];
  });
}

/** Every built-in host, once: host_permissions and where panel.html may be framed. */
export function siteHostPatterns(sites: readonly SiteDeclaration[]): string[] {
  return [...new Set(sites.flatMap((site) => site.hosts))];
}
