import { MAX_JSON_CENTS, money, type Cents } from '@arka/kernel';
import { z } from 'zod';
import { E164_PATTERN, PROVEEDOR_ID_PATTERN } from '../../domain/proveedor';

export const proveedorId = z
  .string()
  .regex(PROVEEDOR_ID_PATTERN, { message: 'must look like PROV001 (PROV and at least three digits)' });

export const uuid = z.uuid({ message: 'must be a UUID' });

/**
 * An amount of money as a JSON number with at most two decimals, at least `min`
 * cents; it becomes exact integer cents before it reaches a use case.
 */
export function moneyAmount(minCents: 0 | 1) {
  return z
    .number()
    .transform((value, ctx): Cents => {
      const cents = money.parse(value);
      if (cents === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be an amount with at most two decimals' });
        return z.NEVER;
      }
      if (cents < BigInt(minCents)) {
        ctx.addIssue({
          code: 'custom',
          message: minCents === 0 ? 'must not be negative' : 'must be greater than 0',
        });
        return z.NEVER;
      }
      if (cents > MAX_JSON_CENTS) {
        ctx.addIssue({
          code: 'custom',
          message: `must be at most ${money.format(money.ofCents(MAX_JSON_CENTS))}`,
        });
        return z.NEVER;
      }
      return cents;
    })
    .meta({ description: 'Amount with at most two decimals' });
}

/** Optional free text; a null from the Java system's clients counts as absent. */
export function optionalText(max: number) {
  return z
    .string()
    .max(max)
    .nullish()
    .transform((v) => v ?? undefined);
}

export const email = z.email({ message: 'must be an email address' }).max(254);
export const telefono = z
  .string()
  .regex(E164_PATTERN, { message: 'must be an E.164 phone number such as +573001234567' });
