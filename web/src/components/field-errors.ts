import { ApiError, type FieldError } from '../api/problem';

/** Messages by field path (`productos[0].cantidad`), as a form shows them beside its inputs. */
export type FieldMessages = Readonly<Record<string, readonly string[]>>;

/** Spanish wording for rules whose API message adds nothing the user needs; others keep the API's message. */
const RULE_MESSAGES: Readonly<Record<string, string>> = {
  required: 'Este campo es obligatorio.',
  exists: 'No existe.',
  active: 'No está activo.',
};

export function messageOf(error: FieldError): string {
  return RULE_MESSAGES[error.rule] ?? error.message;
}

export function byField(errors: readonly FieldError[]): FieldMessages {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[e.field] ??= []).push(messageOf(e));
  return out;
}

/** Adds `more` to `base`, keeping both lists where a field is in each. */
export function mergeMessages(base: FieldMessages, more: FieldMessages): FieldMessages {
  const out: Record<string, readonly string[]> = { ...base };
  for (const [field, messages] of Object.entries(more)) out[field] = [...(out[field] ?? []), ...messages];
  return out;
}

export interface FormProblem {
  /** Shown above the form: what went wrong as a whole. */
  readonly summary: string;
  /** Shown beside the named fields. */
  readonly fields: FieldMessages;
  /** Errors naming a field the form does not show, listed under the summary so none is lost. */
  readonly other: readonly string[];
}

/** Splits what a failed call says between the form's fields and its summary. */
export function formProblem(error: unknown, shownFields: (field: string) => boolean): FormProblem {
  if (!(error instanceof ApiError)) return { summary: 'Ocurrió un error inesperado.', fields: {}, other: [] };
  const shown = error.fieldErrors.filter((e) => shownFields(e.field));
  const other = error.fieldErrors
    .filter((e) => !shownFields(e.field))
    .map((e) => `${e.field}: ${messageOf(e)}`);
  const summary = error.fieldErrors.length > 0 ? 'Revise los campos marcados.' : describeError(error);
  return { summary, fields: byField(shown), other };
}

/** One sentence for a failed call, in Spanish where the status says enough. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Ocurrió un error inesperado.';
  if (error.status === 0) return 'No se pudo contactar el servidor. Revise su conexión e intente de nuevo.';
  if (error.status === 401) return 'Su sesión terminó. Inicie sesión de nuevo.';
  if (error.status === 403) return 'No tiene permiso para esta acción.';
  if (error.status === 404) return 'No encontrada: no existe o no tiene acceso a ella.';
  if (error.status >= 500) return 'El servidor no pudo atender la solicitud. Intente más tarde.';
  return error.detail === '' ? error.title : `${error.title}: ${error.detail}`;
}
