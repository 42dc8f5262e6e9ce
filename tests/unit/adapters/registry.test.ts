// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, findAdapter, GENERIC_ADAPTER } from '../../../lib/adapters/registry';
import { CRM_HOST_PATTERNS } from '../../../lib/adapters/hosts';
import { AMO } from '../../../lib/adapters/amocrm/selectors';
import { fixture, fixtureFilesOnDisk, FIXTURE_PAGES } from './fixtures';

const ALL = [...ADAPTERS, GENERIC_ADAPTER];

/** Does a manifest match pattern like '*://*.amocrm.ru/*' cover this URL? */
function patternMatches(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*\.)?([^/]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, anySub, host] = m;
  const schemeOk = scheme === '*' ? ['http:', 'https:'].includes(url.protocol) : url.protocol === `${scheme}:`;
  const hostOk = anySub ? url.hostname === host || url.hostname.endsWith(`.${host}`) : url.hostname === host;
  return schemeOk && hostOk;
}

describe('adapter registry', () => {
  it('has unique ids', () => {
    const ids = ALL.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every example URL is of its declared kind, claimed by its adapter only, and covered by the host patterns', () => {
    for (const adapter of ADAPTERS) {
      expect(adapter.examples.length).toBeGreaterThan(0);
      for (const { url, card } of adapter.examples) {
        const u = new URL(url);
        expect(adapter.matches(u), url).toBe(true);
        expect(adapter.isCard(u), url).toBe(card);
        expect(findAdapter(u), url).toBe(adapter);
        for (const other of ALL) if (other !== adapter) expect(other.matches(u), `${other.id} ${url}`).toBe(false);
        expect(CRM_HOST_PATTERNS.some((p) => patternMatches(p, u)), url).toBe(true);
      }
    }
  });

  it('claims no foreign or lookalike host', () => {
    for (const url of ['https://amocrm.ru.evil.example/leads/detail/1', 'https://example.com/leads/detail/1', 'file:///leads/detail/1']) {
      expect(findAdapter(new URL(url)), url).toBeNull();
    }
  });

  it('has at least one fixture for every page kind of every adapter', () => {
    for (const adapter of ALL) {
      const kinds = new Set(adapter.examples.map((e) => e.card));
      if (adapter === GENERIC_ADAPTER) kinds.add(true);
      for (const card of kinds) {
        expect(FIXTURE_PAGES.some((p) => p.adapter === adapter.id && p.card === card), `${adapter.id} card=${card}`).toBe(true);
      }
    }
  });

  it('uses every fixture file on disk, and reads each as its declared kind', () => {
    expect(fixtureFilesOnDisk()).toEqual(FIXTURE_PAGES.map((p) => p.file).sort());
    for (const page of FIXTURE_PAGES) {
      const adapter = ALL.find((a) => a.id === page.adapter);
      expect(adapter, page.file).toBeDefined();
      const { doc, u } = fixture(page.file);
      expect(adapter?.read(doc, u) !== null, page.file).toBe(page.card);
    }
  });

  it('the required amoCRM anchors are present on every card fixture (selector drift fails here)', () => {
    for (const page of FIXTURE_PAGES.filter((p) => p.adapter === 'amocrm' && p.card)) {
      const { doc } = fixture(page.file);
      for (const anchor of [AMO.cardRoot, AMO.fieldsBlock, AMO.name, AMO.statusView, AMO.stageName, AMO.budgetField, AMO.responsibleField]) {
        expect(anchor.some((s) => doc.querySelector(s) !== null), `${page.file}: ${anchor.join(' | ')}`).toBe(true);
      }
    }
  });
});
