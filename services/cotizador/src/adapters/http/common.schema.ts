import { money, type Cents } from '@arka/kernel';
import { z } from 'zod';

/**
 * A money amount in a request: a positive JSON number with at most two decimals.
 * Becomes exact cents here, so no binary float goes further in.
 */
export const moneyInput = z
  .number()
  .positive()
  .transform((value, ctx): Cents => {
    const cents = money.parse(value);
    if (cents === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must have at most two decimals' });
      return z.NEVER;
    }
    return cents;
  });

/** Money in a response: a JSON number of two decimals, exact (money.toNumber refuses otherwise). */
export const moneyOutput = z.number();

export const clienteIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, 'letters, digits, _ or -, at most 32 (e.g. CLI001)');

const MAX_INT = 2_147_483_647;

/** A positive integer id in the path: `/productos/abc` or `/productos/1.5` answer 400. */
export const integerIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer')
    .transform(Number)
    .refine((n) => n <= MAX_INT, 'must be a positive integer'),
});

export const productoIdSchema = z.number().int().min(1).max(MAX_INT);
