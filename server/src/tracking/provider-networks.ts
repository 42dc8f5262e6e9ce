import { BlockList, isIP } from 'node:net';
import type { ProviderNetwork } from '../../../lib/tracking/classify-hit';

// Address ranges of webmail image proxies (research notes, 2026-12-01): Google's from the
// ranges tracker vendors publish; Yandex's from yandex.com/ips; Mail.ru's proxy.imgsmail.ru
// ranges from an open-source mailer's classifier. Only the network's name is kept with a hit.
const RANGES: Record<ProviderNetwork, readonly string[]> = {
  google: ['66.102.0.0/20', '66.249.64.0/19', '64.233.160.0/19'],
  yandex: ['5.255.192.0/18', '77.88.0.0/18', '87.250.224.0/19', '95.108.128.0/17', '213.180.192.0/19', '2a02:6b8::/29'],
  mailru: ['188.93.56.0/24', '185.30.176.0/23'],
};

const LISTS = Object.entries(RANGES).map(([network, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = '', prefix = ''] = cidr.split('/');
    list.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
  }
  return { network: network as ProviderNetwork, list };
});

/** The proxy network an address belongs to, or null. IPv4-mapped IPv6 addresses are unwrapped. */
export function providerNetwork(ip: string): ProviderNetwork | null {
  const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(plain);
  if (family === 0) return null;
  for (const { network, list } of LISTS) if (list.check(plain, family === 6 ? 'ipv6' : 'ipv4')) return network;
  return null;
}
