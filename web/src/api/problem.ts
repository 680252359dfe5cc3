import { z } from 'zod';

/** RFC 9457 body every Arka service answers with (DOMAIN.md). */
const fieldErrorSchema = z.object({ field: z.string(), rule: z.string(), message: z.string() });

/** One entry of a problem's `errors`: `field` is a path such as `productos[0].cantidad`. */
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().int().optional(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});

/**
 * A failed API call. `status` 0 means the request never got an answer (network
 * down, gateway stopped); `fieldErrors` are the problem's `errors` list, empty
 * when the problem named no field.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fieldErrors: readonly FieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(detail || title, options);
  }
}

/** Builds the ApiError for a non-2xx response, whatever its body holds. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text();
  const parsed = problemSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    return new ApiError(
      response.status,
      response.statusText || `HTTP ${response.status}`,
      text.slice(0, 300),
    );
  }
  const p = parsed.data;
  return new ApiError(response.status, p.title ?? `HTTP ${response.status}`, p.detail ?? '', p.errors ?? []);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
