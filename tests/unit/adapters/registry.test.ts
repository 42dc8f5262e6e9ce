// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS, findAdapter, GENERIC_ADAPTER } from '../../../lib/adapters/registry';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { AMO_LEAD_CARD_ANCHORS } from '../../../lib/adapters/amocrm/selectors';
import { SelectorError, withStrictLookups } from '../../../lib/adapters/dom-lookup';
import { fixture, fixtureFilesOnDisk, FIXTURE_PAGES } from './fixtures';

const ALL = [...ADAPTERS, GENERIC_ADAPTER];

/**
 * Host patterns each adapter declares (the manifest's). Self-hosted examples are on hosts no
 * pattern may cover: a company's own domain is enabled per origin from the popup.
 */
const DECLARED_HOSTS: Record<string, readonly string[]> = Object.fromEntries(ADAPTERS.map((a) => [a.id, a.hosts]));

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

  it('every example URL is of its declared kind, claimed by its adapter only, and covered by its host patterns', () => {
    for (const adapter of ADAPTERS) {
      expect(adapter.examples.length).toBeGreaterThan(0);
      const declared = DECLARED_HOSTS[adapter.id];
      expect(declared?.length, adapter.id).toBeGreaterThan(0);
      for (const { url, card, selfHosted } of adapter.examples) {
        const u = new URL(url);
        expect(adapter.matches(u), url).toBe(true);
        expect(adapter.isCard(u), url).toBe(card);
        expect(findAdapter(u, ADAPTERS), url).toBe(adapter);
        for (const other of ALL) if (other !== adapter) expect(other.matches(u), `${other.id} ${url}`).toBe(false);
        const covered = (patterns: readonly string[]) => patterns.some((p) => patternMatches(p, u));
        if (selfHosted) {
          // No broad host permission: a company's own domain is never covered up front.
          for (const patterns of Object.values(DECLARED_HOSTS)) expect(covered(patterns), url).toBe(false);
        } else expect(covered(declared ?? []), url).toBe(true);
      }
    }
  });

  it('claims no foreign or lookalike host', () => {
    for (const url of [
      'https://amocrm.ru.evil.example/leads/detail/1',
      'https://example.com/leads/detail/1',
      'file:///leads/detail/1',
      'https://vector.bitrix24.ru.evil.example/stream/',
      'https://www.bitrix24.ru/prices/',
      'http://vector.bitrix24.ru/stream/',
      'file:///crm/deal/details/1/',
      'https://example.com/crm/deal/details/0/',
    ]) {
      expect(findAdapter(new URL(url), ADAPTERS), url).toBeNull();
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

  it('uses every fixture file on disk, and reads each as its declared kind, strictly', () => {
    expect(fixtureFilesOnDisk()).toEqual(FIXTURE_PAGES.map((p) => p.file).sort());
    for (const page of FIXTURE_PAGES) {
      const adapter = ALL.find((a) => a.id === page.adapter);
      expect(adapter, page.file).toBeDefined();
      const { doc, u } = fixture(page.file);
      // Strict: on a card, a missing anchor throws a SelectorError naming itself.
      const read = () => withStrictLookups(() => adapter?.read(doc, u) ?? null);
      if (page.card) expect(read(), page.file).not.toBeNull();
      else expect(adapter?.read(doc, u), page.file).toBeNull();
    }
  });

  it.each(Object.keys(AMO_LEAD_CARD_ANCHORS))('a lead card whose %s anchor drifted fails strictly, naming it', (anchor) => {
    for (const page of FIXTURE_PAGES.filter((p) => p.adapter === 'amocrm' && p.card)) {
      const { doc, u } = fixture(page.file);
      const selectors = AMO_LEAD_CARD_ANCHORS[anchor as keyof typeof AMO_LEAD_CARD_ANCHORS];
      // The vendor renames the markup: every alternative stops matching.
      for (const s of selectors) for (const el of doc.querySelectorAll(s)) el.remove();
      let error: unknown;
      try {
        withStrictLookups(() => AMOCRM_ADAPTER.read(doc, u));
      } catch (e) {
        error = e;
      }
      expect(error, page.file).toBeInstanceOf(SelectorError);
      expect((error as SelectorError).adapterId).toMatch(/^amocrm:/);
      expect((error as Error).message).toContain(selectors[0]);
      // Outside strict mode the same page never throws into the host page.
      expect(() => AMOCRM_ADAPTER.read(doc, u)).not.toThrow();
    }
  });
});
