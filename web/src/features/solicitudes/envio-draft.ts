import type { BorradorSolicitud } from '../../api/gestor-api';
import type { PRIORIDADES, TIPOS_SOLICITUD } from '../../api/solicitudes-schemas';
import type { FieldMessages } from '../../components/field-errors';

export interface LineaEnvio {
  readonly productoId: string;
  readonly nombreProducto: string;
  readonly cantidadSolicitada: string;
  readonly precioReferencia: string;
}

export interface EnvioDraft {
  readonly proveedorIds: readonly string[];
  readonly tipoSolicitud: (typeof TIPOS_SOLICITUD)[number];
  readonly prioridad: (typeof PRIORIDADES)[number];
  readonly observaciones: string;
  /** `yyyy-mm-dd` from a date input, or empty. */
  readonly fechaLimite: string;
  readonly productos: readonly LineaEnvio[];
}

export const MAX_PROVEEDORES = 50;
export const lineaVacia: LineaEnvio = {
  productoId: '',
  nombreProducto: '',
  cantidadSolicitada: '1',
  precioReferencia: '',
};

/** The API's rules for a bulk send (DOMAIN.md), under its field paths. */
export function validateEnvio(d: EnvioDraft): FieldMessages {
  const out: Record<string, string[]> = {};
  if (d.proveedorIds.length === 0) out.proveedorIds = ['Elija al menos un proveedor.'];
  if (d.proveedorIds.length > MAX_PROVEEDORES)
    out.proveedorIds = [`Como máximo ${MAX_PROVEEDORES} proveedores.`];
  if (d.productos.length === 0) out.productos = ['Agregue al menos un producto.'];
  d.productos.forEach((p, i) => {
    if (p.productoId.trim() === '') out[`productos[${i}].productoId`] = ['Indique el código del producto.'];
    if (p.nombreProducto.trim() === '')
      out[`productos[${i}].nombreProducto`] = ['Indique el nombre del producto.'];
    if (!/^\d+$/.test(p.cantidadSolicitada.trim()) || Number(p.cantidadSolicitada) < 1)
      out[`productos[${i}].cantidadSolicitada`] = ['La cantidad debe ser un entero mayor que 0.'];
    if (p.precioReferencia.trim() !== '' && !/^\d+(\.\d{1,2})?$/.test(p.precioReferencia.trim()))
      out[`productos[${i}].precioReferencia`] = ['Un valor con hasta dos decimales, p. ej. 125000.50.'];
  });
  return out;
}

/** End of the chosen day in the user's time zone, as the ISO date-time the API wants. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

export function toBorrador(d: EnvioDraft): BorradorSolicitud {
  return {
    tipoSolicitud: d.tipoSolicitud,
    prioridad: d.prioridad,
    ...(d.observaciones.trim() === '' ? {} : { observaciones: d.observaciones.trim() }),
    ...(d.fechaLimite === '' ? {} : { fechaLimiteRespuesta: endOfDay(d.fechaLimite) }),
    productos: d.productos.map((p) => ({
      productoId: p.productoId.trim(),
      nombreProducto: p.nombreProducto.trim(),
      cantidadSolicitada: Number(p.cantidadSolicitada),
      ...(p.precioReferencia.trim() === '' ? {} : { precioReferencia: Number(p.precioReferencia) }),
    })),
  };
}
