import type { Generated } from 'kysely';

/**
 * Tables as the drivers see them. Money is BIGINT cents, inserted as safe integers
 * (every stored amount is at most 15 digits) and read back as a number or, from
 * mysql2 beyond the safe range, a string. Timestamps are ISO-8601 UTC text of
 * fixed width, so they compare correctly as strings on both drivers.
 */
export interface ProductoTable {
  id: Generated<number>;
  sku: string;
  nombre: string;
  categoria: string;
  precio_centavos: number | string;
  stock: number;
  /** 0 or 1: better-sqlite3 binds no booleans. */
  activo: number;
  /** `searchKey(nombre, sku)`, for `?q=`. */
  busqueda: string;
}

export interface ClienteTable {
  id: string;
  nombre: string;
  tipo_cliente: string;
  email: string;
  telefono: string;
}

export interface CotizacionTable {
  id: string;
  cliente_id: string;
  tipo_cliente: string;
  subtotal_centavos: number | string;
  descuentos_centavos: number | string;
  impuestos_centavos: number | string;
  total_centavos: number | string;
  fecha_cotizacion: string;
  fecha_vencimiento: string;
  estado: string;
  condiciones_pago: string;
  tiempo_entrega: number;
  observaciones: string | null;
  /**
   * The lines as JSON (rows.ts `StoredLine[]`). Nullable only because migration
   * 0004 added it to a filled table; every quote is written with its lines.
   */
  lineas: string | null;
}

export interface CotizadorDb {
  productos: ProductoTable;
  clientes: ClienteTable;
  cotizaciones: CotizacionTable;
}

export const OUTBOX_TABLE = 'cotizador_outbox';
export const MIGRATIONS_TABLE = 'cotizador_migrations';
