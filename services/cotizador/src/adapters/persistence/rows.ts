import { money, type Cents } from '@arka/kernel';
import { toBigInt } from '@arka/sql';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { DISPONIBILIDADES } from '../../domain/availability';
import { TIPOS_CLIENTE, type Customer } from '../../domain/customer';
import type { Product } from '../../domain/product';
import type { Quote } from '../../domain/quote';
import type { StoredEstado } from '../../domain/quote-state';
import type { ClienteTable, CotizacionTable, ProductoTable } from './schema';

const STORED_ESTADOS: readonly StoredEstado[] = ['PENDIENTE', 'APROBADA', 'RECHAZADA', 'CANCELADA'];

/** A value read back from the database must be one the code wrote; anything else is corruption. */
function oneOf<T extends string>(allowed: readonly T[], value: string, column: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) throw new Error(`unexpected ${column} in the database: ${JSON.stringify(value)}`);
  return found;
}

export const cents = (value: number | string): Cents => money.ofCents(toBigInt(value));
/** Safe as a number: callers store only amounts money.isRepresentable accepts. */
export const centsColumn = (amount: Cents): number => Number(amount);

export function productFromRow(row: Selectable<ProductoTable>): Product {
  return {
    id: Number(row.id),
    sku: row.sku,
    nombre: row.nombre,
    categoria: row.categoria,
    precio: cents(row.precio_centavos),
    stock: Number(row.stock),
    activo: Number(row.activo) === 1,
  };
}

export function customerFromRow(row: Selectable<ClienteTable>): Customer {
  return {
    id: row.id,
    nombre: row.nombre,
    tipoCliente: oneOf(TIPOS_CLIENTE, row.tipo_cliente, 'tipo_cliente'),
    email: row.email,
    telefono: row.telefono,
  };
}

/**
 * A quote's lines as stored in `cotizaciones.lineas`, in line order: they are
 * written once with the quote and never change, so they live in its row rather
 * than in rows of their own. Amounts are whole cents.
 */
export const storedLinesSchema = z.array(
  z.object({
    productoId: z.number().int(),
    nombre: z.string(),
    cantidad: z.number().int(),
    precioUnitarioCentavos: z.number().int(),
    subtotalCentavos: z.number().int(),
    disponibilidad: z.enum(DISPONIBILIDADES),
  }),
);
export type StoredLine = z.infer<typeof storedLinesSchema>[number];

export function linesColumn(lines: Quote['lineas']): string {
  return JSON.stringify(
    lines.map((l): StoredLine => ({
      productoId: l.productoId,
      nombre: l.nombre,
      cantidad: l.cantidad,
      precioUnitarioCentavos: centsColumn(l.precioUnitario),
      subtotalCentavos: centsColumn(l.subtotal),
      disponibilidad: l.disponibilidad,
    })),
  );
}

function linesFromColumn(text: string | null, quoteId: string): Quote['lineas'] {
  const parsed = text === null ? undefined : storedLinesSchema.safeParse(JSON.parse(text));
  if (!parsed?.success) throw new Error(`unexpected lineas in the database for quote ${quoteId}`);
  return parsed.data.map((l) => ({
    productoId: l.productoId,
    nombre: l.nombre,
    cantidad: l.cantidad,
    precioUnitario: money.ofCents(BigInt(l.precioUnitarioCentavos)),
    subtotal: money.ofCents(BigInt(l.subtotalCentavos)),
    disponibilidad: l.disponibilidad,
  }));
}

export function quoteFromRow(row: Selectable<CotizacionTable>): Quote {
  return {
    id: row.id,
    clienteId: row.cliente_id,
    tipoCliente: oneOf(TIPOS_CLIENTE, row.tipo_cliente, 'tipo_cliente'),
    subtotal: cents(row.subtotal_centavos),
    descuentos: cents(row.descuentos_centavos),
    impuestos: cents(row.impuestos_centavos),
    total: cents(row.total_centavos),
    fechaCotizacion: new Date(row.fecha_cotizacion),
    fechaVencimiento: new Date(row.fecha_vencimiento),
    estado: oneOf(STORED_ESTADOS, row.estado, 'estado'),
    condicionesPago: row.condiciones_pago,
    tiempoEntrega: Number(row.tiempo_entrega),
    observaciones: row.observaciones,
    lineas: linesFromColumn(row.lineas, row.id),
  };
}

export function quoteRow(quote: Quote): CotizacionTable {
  return {
    id: quote.id,
    cliente_id: quote.clienteId,
    tipo_cliente: quote.tipoCliente,
    subtotal_centavos: centsColumn(quote.subtotal),
    descuentos_centavos: centsColumn(quote.descuentos),
    impuestos_centavos: centsColumn(quote.impuestos),
    total_centavos: centsColumn(quote.total),
    fecha_cotizacion: quote.fechaCotizacion.toISOString(),
    fecha_vencimiento: quote.fechaVencimiento.toISOString(),
    estado: quote.estado,
    condiciones_pago: quote.condicionesPago,
    tiempo_entrega: quote.tiempoEntrega,
    observaciones: quote.observaciones,
    lineas: linesColumn(quote.lineas),
  };
}
