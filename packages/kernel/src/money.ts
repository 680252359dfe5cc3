/**
 * Money as integer cents in a bigint: exact from the request to the database to the
 * response, one rounding rule (half up, to the cent) in one place. Amounts are never
 * binary floating point; JSON numbers are converted at the edges only.
 */
export type Cents = bigint & { readonly __brand: 'Cents' };

/** 15 significant digits: the largest amount a JSON number carries exactly. */
export const MAX_JSON_CENTS = 10n ** 15n - 1n;
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export const money = {
  zero: 0n as Cents,

  ofCents(cents: bigint | number): Cents {
    if (typeof cents === 'number' && !Number.isSafeInteger(cents))
      throw new RangeError(`not a whole number of cents: ${cents}`);
    return BigInt(cents) as Cents;
  },

  /**
   * Parses a decimal amount with at most two decimals: a JSON number (its shortest
   * decimal text is exact for such amounts), or a string as mysql2 returns DECIMAL.
   * Returns undefined for anything with more precision or not finite.
   */
  parse(value: number | string): Cents | undefined {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
    const match = DECIMAL.exec(text);
    if (!match) return undefined;
    const [, sign, whole, fraction = ''] = match;
    const cents = BigInt(`${whole}${fraction.padEnd(2, '0')}`);
    return (sign === '-' ? -cents : cents) as Cents;
  },

  add: (a: Cents, b: Cents): Cents => (a + b) as Cents,
  subtract: (a: Cents, b: Cents): Cents => (a - b) as Cents,
  times: (a: Cents, quantity: number | bigint): Cents => (a * BigInt(quantity)) as Cents,
  sum: (amounts: Iterable<Cents>): Cents => {
    let total = 0n;
    for (const a of amounts) total += a;
    return total as Cents;
  },

  /** `amount × percent / 100`, rounded half up (away from zero on ties) to the cent. */
  percentOf(amount: Cents, percent: number): Cents {
    if (!Number.isInteger(percent)) throw new RangeError(`percent must be whole: ${percent}`);
    const product = amount * BigInt(percent);
    const negative = product < 0n;
    const magnitude = negative ? -product : product;
    const rounded = (magnitude + 50n) / 100n;
    return (negative ? -rounded : rounded) as Cents;
  },

  /** `"5355.00"`: exact decimal text. */
  format(amount: Cents): string {
    const negative = amount < 0n;
    const digits = (negative ? -amount : amount).toString().padStart(3, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
  },

  /**
   * The JSON number for an amount. A double keeps 15 significant decimal digits
   * exactly, so every amount of at most 15 digits in cents round-trips; larger ones
   * would silently change and are refused.
   */
  toNumber(amount: Cents): number {
    if (!money.isRepresentable(amount))
      throw new RangeError('amount too large to represent exactly as a JSON number');
    return Number(money.format(amount));
  },

  isRepresentable(amount: Cents): boolean {
    return amount <= MAX_JSON_CENTS && amount >= -MAX_JSON_CENTS;
  },
};

function numberToPlainString(value: number): string {
  const text = String(value);
  // 1e21 and up, or tiny values, come out in exponent form: never a valid cent amount here.
  return /e/i.test(text) ? 'invalid' : text;
}
