import { AppError, errors, type FieldError } from '@arka/kernel';
import type { Failure, Outcome } from '../../application/outcome';

/** The one place where expected outcomes become HTTP statuses. */
export function toHttpError(failure: Failure, proveedorField = 'proveedorId'): AppError {
  switch (failure.kind) {
    case 'not-found':
      return errors.notFound(failure.what, failure.id);
    case 'invalid-state':
      return errors.conflict(failure.detail);
    case 'duplicate':
    case 'busy':
      return errors.conflict(failure.detail);
    case 'proveedores-invalidos': {
      const fieldErrors: FieldError[] = [
        ...failure.unknown.map((id) => ({
          field: proveedorField,
          rule: 'exists',
          message: `${id} does not exist`,
        })),
        ...failure.inactive.map((id) => ({
          field: proveedorField,
          rule: 'active',
          message: `${id} is not active`,
        })),
      ];
      const parts = [
        ...(failure.unknown.length > 0 ? [`unknown suppliers: ${failure.unknown.join(', ')}`] : []),
        ...(failure.inactive.length > 0 ? [`inactive suppliers: ${failure.inactive.join(', ')}`] : []),
      ];
      return errors.unprocessable(`Nothing was created; ${parts.join('; ')}.`, fieldErrors);
    }
    case 'proveedor-no-coincide':
      return errors.unprocessable(`The request belongs to ${failure.expected}, not ${failure.given}.`, [
        { field: 'proveedorId', rule: 'matches-request', message: `must be ${failure.expected}` },
      ]);
  }
}

export function unwrap<T>(outcome: Outcome<T>, proveedorField?: string): T {
  if (outcome.ok) return outcome.value;
  throw toHttpError(outcome, proveedorField);
}
