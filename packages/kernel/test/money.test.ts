import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_CENTS, money, type Cents } from '../src/money';

describe('money', () => {
  it.each([
    [100, 10000n],
    [42900, 4290000n],
    ['459900.00', 45990000n],
    [0.1, 10n],
    [19.99, 1999n],
    ['12.5', 1250n],
    [-3.07, -307n],
  ])('parses %s as %s cents', (input, cents) => {
    expect(money.parse(input)).toBe(cents);
  });

  it.each([[0.001], [1.005], ['1.234'], ['abc'], [Number.NaN], [Number.POSITIVE_INFINITY], [1e21], ['']])(
    'refuses %s (more than two decimals or not a number)',
    (input) => {
      expect(money.parse(input)).toBeUndefined();
    },
  );

  it.each([
    [500000n, 19, 95000n],
    [950n, 19, 181n], // 180.5 → 181: half up
    [949n, 19, 180n], // 180.31 → 180
    [250n, 1, 3n], // 2.5 → 3
    [-250n, 1, -3n], // ties away from zero
    [100000n, 5, 5000n],
  ])('%s × %s %% rounds half up to %s', (amount, pct, expected) => {
    expect(money.percentOf(amount as Cents, pct)).toBe(expected);
  });

  it('formats and converts exactly', () => {
    expect(money.format(535500n as Cents)).toBe('5355.00');
    expect(money.format(5n as Cents)).toBe('0.05');
    expect(money.format(-5n as Cents)).toBe('-0.05');
    expect(money.toNumber(113050n as Cents)).toBe(1130.5);
  });

  it('round-trips every two-decimal amount through its JSON number', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -MAX_JSON_CENTS, max: MAX_JSON_CENTS }), (cents) => {
        const amount = money.ofCents(cents);
        expect(money.parse(money.toNumber(amount))).toBe(cents);
      }),
    );
  });

  it('refuses to turn an amount past 15 digits of cents into a JSON number', () => {
    expect(() => money.toNumber(money.ofCents(MAX_JSON_CENTS + 1n))).toThrow(RangeError);
  });
});
