import { describe, expect, it } from 'vitest';
import { testConfig } from './helpers/harness';

describe('gateway configuration', () => {
  it('refuses a TRUSTED_PROXY_CIDRS entry that is not a CIDR', () => {
    expect(() => testConfig({ TRUSTED_PROXY_CIDRS: '10.0.0.0/16,not-a-network' })).toThrow(
      /TRUSTED_PROXY_CIDRS/,
    );
  });

  it('accepts IPv4 and IPv6 networks', () => {
    expect(testConfig({ TRUSTED_PROXY_CIDRS: '10.0.0.0/16, fd00::/8' }).TRUSTED_PROXY_CIDRS).toEqual([
      '10.0.0.0/16',
      'fd00::/8',
    ]);
  });
});
