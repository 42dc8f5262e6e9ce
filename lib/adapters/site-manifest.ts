import type { SiteAdapter } from './types';

/**
 * What the manifest says about each site, derived from the adapters' declarations so a new
 * CRM needs no edit outside its folder and its registry line. Pure: wxt.config.ts turns these
 * into entrypoints, host_permissions and web_accessible_resources.
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
  /** document_idle unless said: only a webmail's send hook must be in before the page's code. */
  runAt?: 'document_start';
}

/** A file a site's boot stub imports after the page's load: `<name>.js`, web-accessible there only. */
export interface SiteMainScript {
  name: string;
  source: string;
  matches: string[];
}

/**
 * Each site's declared content script (the boot stub, lib/adapters/<id>/content.ts) and, if
 * any, its page-world helper (lib/adapters/<id>/page-helper.ts).
 */
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

/** Each site's main file (its adapter and the reader), which only that site's stub imports. */
export function siteMainScripts(sites: readonly SiteDeclaration[]): SiteMainScript[] {
  return sites.map((site) => ({ name: `${site.id}-main`, source: `lib/adapters/${site.id}/content-main.ts`, matches: [...site.hosts] }));
}

/** Every built-in host, once: host_permissions. */
export function siteHostPatterns(sites: readonly SiteDeclaration[]): string[] {
  return [...new Set(sites.flatMap((site) => site.hosts))];
}

/** web_accessible_resources: the panel may be framed on every site, a site's main file on that site only. */
export function siteWebResources(sites: readonly SiteDeclaration[]): { resources: string[]; matches: string[] }[] {
  return [
    { resources: ['panel.html'], matches: siteHostPatterns(sites) },
    ...siteMainScripts(sites).map((main) => ({ resources: [`${main.name}.js`], matches: main.matches })),
  ];
}
