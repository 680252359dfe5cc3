import { BlockList, isIPv4, isIPv6 } from 'node:net';

export interface TrustedProxies {
  /** Networks the nearest proxy (e.g. the ALB) connects from, as CIDRs. */
  readonly cidrs: readonly string[];
  /** Proxies in the chain, the nearest included (CloudFront + ALB: 2). */
  readonly hops: number;
}

/**
 * Fastify's trust function: X-Forwarded-For is believed only when the peer is a
 * known proxy network, then for the configured number of hops. A bare hop count
 * would let any direct client forge its address.
 */
export function trustFunction(settings: TrustedProxies): (address: string, hop: number) => boolean {
  const networks = new BlockList();
  for (const cidr of settings.cidrs) {
    const [network = '', bits = ''] = cidr.split('/');
    const family = isIPv4(network) ? 'ipv4' : isIPv6(network) ? 'ipv6' : undefined;
    const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
    if (family === undefined || !(prefix <= (family === 'ipv4' ? 32 : 128)))
      throw new RangeError(`not a CIDR: ${cidr}`);
    networks.addSubnet(network, prefix, family);
  }
  const fromProxyNetwork = (address: string): boolean => {
    const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
    return networks.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
  return (address, hop) => (hop === 0 ? fromProxyNetwork(address) : hop < settings.hops);
}
