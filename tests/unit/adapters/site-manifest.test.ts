import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/registry';
import { siteContentScripts, siteHostPatterns, siteMainScripts, siteWebResources } from '../../../lib/adapters/site-manifest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('the manifest built from the registry', () => {
  const scripts = siteContentScripts(ADAPTERS);

  it('gives every site its own content script, on its own hosts only', () => {
    for (const adapter of ADAPTERS) {
      const own = scripts.filter((s) => s.name === adapter.id || s.name === `${adapter.id}-page-helper`);
      expect(own.map((s) => s.world).sort(), adapter.id).toEqual(adapter.pageHelper ? ['ISOLATED', 'MAIN'] : ['ISOLATED']);
      for (const script of own) {
        expect(script.matches).toEqual([...adapter.hosts]);
        expect(script.allFrames).toBe(adapter.allFrames === true);
        expect(existsSync(resolve(ROOT, script.source)), script.source).toBe(true);
      }
    }
  });

  it('injects a page-world helper into no other site', () => {
    const amoHelper = scripts.find((s) => s.name === 'amocrm-page-helper');
    expect(amoHelper?.world).toBe('MAIN');
    expect(amoHelper?.matches.some((m) => m.includes('bitrix24'))).toBe(false);
  });

  it('frames every site in all frames only where the site opens cards in iframes', () => {
    expect(scripts.filter((s) => s.allFrames).map((s) => s.name)).toEqual(['bitrix24']);
  });

  it('grants each built-in host once, and no self-hosted or catch-all pattern', () => {
    const hosts = siteHostPatterns(ADAPTERS);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts).toEqual(expect.arrayContaining(['*://*.amocrm.ru/*', 'https://*.bitrix24.ru/*', 'https://*.bitrix24.de/*']));
    // Each pattern names a vendor domain: a subdomain wildcard at most, never "<all_urls>" or "*://*/*".
    for (const pattern of hosts) expect(pattern).toMatch(/^(\*|https):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\*$/);
  });

  it("makes each site's main file importable on that site only, and the panel framable on every site", () => {
    const resources = siteWebResources(ADAPTERS);
    expect(resources[0]).toEqual({ resources: ['panel.html'], matches: siteHostPatterns(ADAPTERS) });
    for (const adapter of ADAPTERS) {
      const entries = resources.filter((r) => r.resources.includes(`${adapter.id}-main.js`));
      // One entry, on the site's own hosts: a HubSpot page cannot import amoCRM's reader.
      expect(entries, adapter.id).toEqual([{ resources: [`${adapter.id}-main.js`], matches: [...adapter.hosts] }]);
    }
    for (const main of siteMainScripts(ADAPTERS)) expect(existsSync(resolve(ROOT, main.source)), main.source).toBe(true);
  });
});
