import { describe, expect, it } from 'vitest';
import { compileFilterPolicy, matchesFilterPolicy } from '../src/filter-policy';
import type { MessageAttributes } from '../src/ports';
import type { FilterPolicy } from '../src/topology';

type Case = readonly [rule: string, policy: FilterPolicy, attributes: MessageAttributes, delivered: boolean];

const cases: readonly Case[] = [
  ['exact string matches', { priority: ['high'] }, { priority: 'high' }, true],
  ['exact string is case-sensitive', { priority: ['high'] }, { priority: 'High' }, false],
  ['OR across the values of one key', { priority: ['critical', 'high'] }, { priority: 'critical' }, true],
  [
    'a value outside the list is not delivered',
    { priority: ['critical', 'high'] },
    { priority: 'low' },
    false,
  ],
  [
    'AND across keys: all match',
    { priority: ['high'], type: ['email'] },
    { priority: 'high', type: 'email' },
    true,
  ],
  [
    'AND across keys: one fails',
    { priority: ['high'], type: ['email'] },
    { priority: 'high', type: 'sms' },
    false,
  ],
  ['a missing attribute is not delivered', { priority: ['high'] }, { type: 'email' }, false],
  ['no attributes at all is not delivered', { priority: ['high'] }, {}, false],
  [
    'attributes the policy does not name are ignored',
    { priority: ['high'] },
    { priority: 'high', x: 'y' },
    true,
  ],
  ['numeric exact on a Number attribute', { amount: [100] }, { amount: 100 }, true],
  ['numeric exact does not match another number', { amount: [100] }, { amount: 100.5 }, false],
  ['numeric exact does not match a String attribute', { amount: [100] }, { amount: '100' }, false],
  ['string exact does not match a Number attribute', { amount: ['100'] }, { amount: 100 }, false],
  ['numeric =', { amount: [{ numeric: ['=', 5] }] }, { amount: 5 }, true],
  ['numeric < below', { amount: [{ numeric: ['<', 5] }] }, { amount: 4.99 }, true],
  ['numeric < at the bound', { amount: [{ numeric: ['<', 5] }] }, { amount: 5 }, false],
  ['numeric <= at the bound', { amount: [{ numeric: ['<=', 5] }] }, { amount: 5 }, true],
  ['numeric > at the bound', { amount: [{ numeric: ['>', 5] }] }, { amount: 5 }, false],
  ['numeric >= at the bound', { amount: [{ numeric: ['>=', 5] }] }, { amount: 5 }, true],
  ['numeric range inside', { amount: [{ numeric: ['>', 0, '<=', 150] }] }, { amount: 150 }, true],
  [
    'numeric range at the open lower end',
    { amount: [{ numeric: ['>', 0, '<=', 150] }] },
    { amount: 0 },
    false,
  ],
  ['numeric range above', { amount: [{ numeric: ['>', 0, '<=', 150] }] }, { amount: 150.01 }, false],
  ['numeric range on a String attribute', { amount: [{ numeric: ['>', 0] }] }, { amount: '10' }, false],
  ['negative numbers compare as numbers', { t: [{ numeric: ['>=', -10, '<', 0] }] }, { t: -3 }, true],
  ['prefix matches', { service: [{ prefix: 'cotiz' }] }, { service: 'cotizador' }, true],
  ['prefix is case-sensitive', { service: [{ prefix: 'Cotiz' }] }, { service: 'cotizador' }, false],
  ['prefix does not match a Number attribute', { code: [{ prefix: '4' }] }, { code: 404 }, false],
  ['suffix matches', { file: [{ suffix: '.pdf' }] }, { file: 'quote.pdf' }, true],
  ['equals-ignore-case matches', { type: [{ 'equals-ignore-case': 'EMAIL' }] }, { type: 'Email' }, true],
  [
    'anything-but a single value: other value',
    { priority: [{ 'anything-but': 'low' }] },
    { priority: 'high' },
    true,
  ],
  [
    'anything-but a single value: that value',
    { priority: [{ 'anything-but': 'low' }] },
    { priority: 'low' },
    false,
  ],
  ['anything-but a list: listed', { p: [{ 'anything-but': ['low', 'normal'] }] }, { p: 'normal' }, false],
  [
    'anything-but a list: not listed',
    { p: [{ 'anything-but': ['low', 'normal'] }] },
    { p: 'critical' },
    true,
  ],
  ['anything-but is case-sensitive', { p: [{ 'anything-but': ['low'] }] }, { p: 'LOW' }, true],
  ['anything-but numbers: listed', { n: [{ 'anything-but': [1, 2] }] }, { n: 2 }, false],
  ['anything-but numbers: not listed', { n: [{ 'anything-but': [1, 2] }] }, { n: 3 }, true],
  ['anything-but needs the attribute', { p: [{ 'anything-but': ['low'] }] }, {}, false],
  [
    'anything-but prefix: starts with it',
    { s: [{ 'anything-but': { prefix: 'test-' } }] },
    { s: 'test-a' },
    false,
  ],
  ['anything-but prefix: does not', { s: [{ 'anything-but': { prefix: 'test-' } }] }, { s: 'prod-a' }, true],
  ['exists true with the attribute', { priority: [{ exists: true }] }, { priority: 'low' }, true],
  ['exists true without it', { priority: [{ exists: true }] }, {}, false],
  ['exists false without it', { priority: [{ exists: false }] }, { type: 'sms' }, true],
  ['exists false with it', { priority: [{ exists: false }] }, { priority: 'low' }, false],
  ['exists true on a Number attribute', { n: [{ exists: true }] }, { n: 0 }, true],
  ['mixed conditions are OR-ed', { p: ['high', { prefix: 'crit' }] }, { p: 'critical' }, true],
  ['$or: one branch matches', { $or: [{ a: ['1'] }, { b: ['2'] }] }, { b: '2' }, true],
  ['$or: no branch matches', { $or: [{ a: ['1'] }, { b: ['2'] }] }, { a: '2', b: '1' }, false],
  ['$or is AND-ed with the other keys', { c: ['x'], $or: [{ a: ['1'] }, { b: ['2'] }] }, { a: '1' }, false],
];

describe('SNS filter policy (MessageAttributes scope)', () => {
  it.each(cases)('%s', (_rule, policy, attributes, delivered) => {
    expect(compileFilterPolicy(policy)(attributes)).toBe(delivered);
  });

  it('lets everything through when there is no policy', () => {
    expect(matchesFilterPolicy(undefined, {})).toBe(true);
  });

  it.each<[string, FilterPolicy]>([
    ['an empty policy', {}],
    ['a bare value instead of a list', { priority: 'high' }],
    ['an empty list', { priority: [] }],
    ['an unknown operator', { priority: [{ contains: 'h' }] }],
    ['two operators in one object', { priority: [{ prefix: 'a', suffix: 'b' }] }],
    ['a numeric range with bounds in the wrong order', { n: [{ numeric: ['<', 10, '>', 0] }] }],
    ['an unknown numeric operator', { n: [{ numeric: ['!=', 1] }] }],
    ['a non-number numeric bound', { n: [{ numeric: ['>', '1'] }] }],
    ['exists with a non-boolean', { n: [{ exists: 'yes' }] }],
    ['a null value', { n: [null] }],
    ['$or with one branch', { $or: [{ a: ['1'] }] }],
  ])('fails if the policy has %s', (_what, policy) => {
    expect(() => compileFilterPolicy(policy)).toThrow(
      expect.objectContaining({ code: 'INVALID_FILTER_POLICY' }),
    );
  });
});
