import type { Producto } from '../../api/schemas';
import type { FieldMessages } from '../../components/field-errors';

/** The API's limits on a quote (DOMAIN.md); the console checks them as the user types. */
export const MAX_LINEAS = 100;
export const MAX_CANTIDAD = 100_000;
const CLIENTE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export interface DraftLine {
  readonly producto: Producto;
  /** As typed, so a half-typed number can be shown and judged. */
  readonly cantidad: string;
}

export interface QuoteDraft {
  readonly clienteId: string;
  readonly observaciones: string;
  readonly lines: readonly DraftLine[];
}

export function cantidadProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Indique la cantidad.';
  if (!/^\d+$/.test(text.trim())) return 'La cantidad debe ser un número entero.';
  const n = Number(text);
  if (n < 1) return 'La cantidad mínima es 1.';
  if (n > MAX_CANTIDAD) return `La cantidad máxima es ${MAX_CANTIDAD.toLocaleString('es-CO')}.`;
  return undefined;
}

/** Every rule the console can check before sending, under the API's own field paths. */
export function validateDraft(draft: QuoteDraft): FieldMessages {
  const out: Record<string, string[]> = {};
  if (!CLIENTE_ID.test(draft.clienteId)) out.clienteId = ['Indique un cliente válido, p. ej. CLI001.'];
  if (draft.lines.length === 0) out.productos = ['Agregue al menos un producto.'];
  if (draft.lines.length > MAX_LINEAS)
    out.productos = [`Una cotización admite hasta ${MAX_LINEAS} productos.`];
  if (draft.observaciones.length > 2000) out.observaciones = ['Máximo 2000 caracteres.'];
  draft.lines.forEach((line, i) => {
    const problem = cantidadProblem(line.cantidad);
    if (problem !== undefined) out[`productos[${i}].cantidad`] = [problem];
  });
  return out;
}

/** What the stock says for this quantity, as a hint; the quote shows the API's verdict. */
export function stockHint(producto: Producto, cantidad: string): string {
  const n = Number(cantidad);
  const stock = `Stock: ${producto.stock.toLocaleString('es-CO')}`;
  if (!Number.isInteger(n) || n < 1) return stock;
  if (producto.stock >= n) return `${stock} · disponible`;
  if (producto.stock > 0) return `${stock} · entrega parcial`;
  return `${stock} · sin stock`;
}

/** Adds one unit of `producto`, or a new line for it: the API would merge repeated products anyway. */
export function addProduct(lines: readonly DraftLine[], producto: Producto): DraftLine[] {
  const at = lines.findIndex((l) => l.producto.id === producto.id);
  if (at < 0) return [...lines, { producto, cantidad: '1' }];
  return lines.map((l, i) =>
    i === at && cantidadProblem(l.cantidad) === undefined
      ? { ...l, cantidad: String(Number(l.cantidad) + 1) }
      : l,
  );
}

export function toRequest(draft: QuoteDraft) {
  return {
    clienteId: draft.clienteId,
    ...(draft.observaciones.trim() === '' ? {} : { observaciones: draft.observaciones.trim() }),
    productos: draft.lines.map((l) => ({ productoId: l.producto.id, cantidad: Number(l.cantidad) })),
  };
}
