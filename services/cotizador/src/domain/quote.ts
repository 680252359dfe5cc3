import type { Cents } from '@arka/kernel';
import type { TipoCliente } from './customer';
import type { PricedLine, PricedQuote } from './pricing';
import type { StoredEstado } from './quote-state';

export const VALIDITY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Quote {
  readonly id: string;
  readonly clienteId: string;
  readonly tipoCliente: TipoCliente;
  readonly subtotal: Cents;
  readonly descuentos: Cents;
  readonly impuestos: Cents;
  readonly total: Cents;
  readonly fechaCotizacion: Date;
  readonly fechaVencimiento: Date;
  readonly estado: StoredEstado;
  readonly condicionesPago: string;
  readonly tiempoEntrega: number;
  readonly observaciones: string | null;
  readonly lineas: readonly PricedLine[];
}

export function newQuote(input: {
  readonly id: string;
  readonly clienteId: string;
  readonly tipoCliente: TipoCliente;
  readonly observaciones: string | null;
  readonly priced: PricedQuote;
  readonly now: Date;
}): Quote {
  const { priced } = input;
  return {
    id: input.id,
    clienteId: input.clienteId,
    tipoCliente: input.tipoCliente,
    subtotal: priced.subtotal,
    descuentos: priced.descuentos,
    impuestos: priced.impuestos,
    total: priced.total,
    fechaCotizacion: input.now,
    fechaVencimiento: new Date(input.now.getTime() + VALIDITY_DAYS * DAY_MS),
    estado: 'PENDIENTE',
    condicionesPago: priced.condicionesPago,
    tiempoEntrega: priced.tiempoEntrega,
    observaciones: input.observaciones,
    lineas: priced.lineas,
  };
}
