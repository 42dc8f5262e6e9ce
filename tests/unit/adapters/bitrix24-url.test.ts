import { describe, expect, it } from 'vitest';
import {
  BITRIX24_CLOUD_ZONES,
  BITRIX24_EXAMPLES,
  isBitrixCloudHost,
  matchesBitrix,
  parseBitrixCardUrl,
  parseBitrixUrl,
} from '../../../lib/adapters/bitrix24/url';

describe('Bitrix24 URL detectors', () => {
  it.each(BITRIX24_EXAMPLES.map((e) => [e.url, e] as const))('%s is its declared kind and no other', (url, example) => {
    const u = new URL(url);
    expect(matchesBitrix(u)).toBe(true);
    const ref = parseBitrixUrl(u);
    if (example.kind === 'other') expect(ref).toBeNull();
    else expect(ref).toMatchObject({ kind: example.kind, entity: example.entity });
    expect(parseBitrixCardUrl(u) !== null).toBe(example.card);
    expect(isBitrixCloudHost(u)).toBe(!example.selfHosted);
    if (ref) expect(ref.selfHosted).toBe(example.selfHosted === true);
    expect(ref?.slider ?? false).toBe(u.searchParams.get('IFRAME_TYPE') === 'SIDE_SLIDER');
  });

  it('has an example of every page kind, entity and cloud/self-hosted pair', () => {
    const kinds = new Set(BITRIX24_EXAMPLES.map((e) => `${e.kind}:${e.entity}`));
    for (const k of ['card:deal', 'card:lead', 'card:contact', 'card:company', 'list:deal', 'kanban:deal', 'other:null']) expect(kinds).toContain(k);
    expect(BITRIX24_EXAMPLES.some((e) => e.selfHosted && e.card)).toBe(true);
    expect(BITRIX24_EXAMPLES.some((e) => e.selfHosted && !e.card)).toBe(true);
  });

  it('knows every cloud zone, and only a portal subdomain of it', () => {
    for (const zone of BITRIX24_CLOUD_ZONES) {
      expect(isBitrixCloudHost(new URL(`https://acme.${zone}/crm/deal/list/`)), zone).toBe(true);
      expect(isBitrixCloudHost(new URL(`https://www.${zone}/`)), zone).toBe(false);
      expect(isBitrixCloudHost(new URL(`https://a.b.${zone}/`)), zone).toBe(false);
      expect(isBitrixCloudHost(new URL(`https://acme.${zone}.evil.example/`)), zone).toBe(false);
    }
  });

  it.each([
    'https://crm.example.com/crm/deal/details/0/', // the "new deal" form
    'https://crm.example.com/crm/deal/details/abc/',
    'https://crm.example.com/crm/deal/details/12/edit/',
    'https://crm.example.com/crm/invoice/details/12/',
    'https://crm.example.com/company/personal/user/1/',
    'https://crm.example.com/crm/deal/lists/',
    'http://acme.bitrix24.ru/crm/deal/details/12/', // the cloud is https only
    'ftp://crm.example.com/crm/deal/details/12/',
  ])('claims nothing at %s', (url) => {
    expect(parseBitrixUrl(new URL(url))).toBeNull();
    expect(matchesBitrix(new URL(url))).toBe(false);
  });
});
