import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isForwardable, upstreamTarget } from '../src/adapters/http/upstream-proxy';

const pathChars = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@/\\%2e"<>`{} #é東'.split(''));
const path = fc.array(pathChars, { maxLength: 30 }).map((chars) => `/api/v1/cotizador/${chars.join('')}`);
const query = fc.oneof(
  fc.constant(''),
  fc.array(pathChars, { maxLength: 12 }).map((chars) => `?${chars.join('')}`),
);

describe('the upstream request target', () => {
  it('is the path as a URL parser normalises it, whatever the characters, with the query unchanged', () => {
    fc.assert(
      fc.property(path, query, (p, q) => {
        expect(upstreamTarget(p + q)).toBe(new URL(p, 'http://upstream').pathname + q);
      }),
    );
  });

  it.each([
    ['/api/v1/cotizador/cotizaciones?clienteId=CLI001', true],
    ['/api/v1/cotizador/../gestor', false],
    ['/api/v1/cotizador/%2e%2e/gestor', false],
    ['/api/v1/cotizador/x?q=..%2F..%2Fsecret', false],
    ['/api/v1/cotizador/%E0%A4%A', false],
    ['/api/v1/cotizador/a..b', true],
  ])('%s is forwardable: %s', (url, forwardable) => {
    expect(isForwardable(url)).toBe(forwardable);
  });
});
