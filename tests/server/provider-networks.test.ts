import { describe, expect, it } from 'vitest';
import { providerNetwork } from '../../server/src/tracking/provider-networks';

describe('providerNetwork', () => {
  it('names the image proxy networks by address, IPv4, mapped IPv4 and IPv6', () => {
    expect(providerNetwork('66.102.8.10')).toBe('google');
    expect(providerNetwork('::ffff:66.249.80.1')).toBe('google');
    expect(providerNetwork('77.88.21.3')).toBe('yandex');
    expect(providerNetwork('2a02:6b8:c00::1')).toBe('yandex');
    expect(providerNetwork('188.93.56.17')).toBe('mailru');
    expect(providerNetwork('185.30.177.200')).toBe('mailru');
  });

  it('names nothing for other or malformed addresses', () => {
    for (const ip of ['127.0.0.1', '203.0.113.5', '185.30.178.1', '::1', '', 'not an ip', '66.102.8.10\u0000']) expect(providerNetwork(ip)).toBeNull();
  });
});
