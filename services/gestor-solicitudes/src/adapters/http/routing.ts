import { problemSchema } from '@arka/kernel';
import type { PageRequest, PageResult } from '../../application/ports/solicitudes-store';

export const BASE = '/api/v1/gestor-solicitudes';

/** The problem+json answers every route documents. */
export const errorResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
} as const;

/** A Spring-style page (the kernel's `page()` schema) of DTOs. */
export function pageOf<T, D>(result: PageResult<T>, request: PageRequest, dto: (item: T) => D) {
  return {
    content: result.items.map(dto),
    page: request.page,
    size: request.size,
    totalElements: result.total,
    totalPages: Math.ceil(result.total / request.size),
  };
}
