import { describe, expect, it } from 'vitest';
import { trustFunction } from '../src/http/trusted-proxies';

describe('trusted proxies', () => {
  const trust = trustFunction({ cidrs: ['10.0.0.0/16'], hops: 2 });

  it.each([
    ['the load balancer inside the VPC', '10.0.1.20', 0, true],
    ['the load balancer as an IPv4-mapped address', '::ffff:10.0.2.7', 0, true],
    ['a direct client outside the VPC', '203.0.113.9', 0, false],
    ['the hop before the load balancer (CloudFront)', '130.176.0.1', 1, true],
    ['anything further back, which the client wrote itself', '198.51.100.1', 2, false],
  ])('%s → %s', (_, address, hop, trusted) => {
    expect(trust(address, hop)).toBe(trusted);
  });

  it('fails if a network is not a CIDR', () => {
    expect(() => trustFunction({ cidrs: ['10.0.0.0'], hops: 1 })).toThrow(/not a CIDR/);
  });
});
