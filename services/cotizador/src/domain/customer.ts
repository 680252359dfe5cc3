/** Customer kinds of DOMAIN.md; each carries its own discount rate and payment terms. */
export const TIPOS_CLIENTE = ['RETAIL', 'MAYORISTA', 'DISTRIBUIDOR'] as const;
export type TipoCliente = (typeof TIPOS_CLIENTE)[number];

export interface Customer {
  readonly id: string;
  readonly nombre: string;
  readonly tipoCliente: TipoCliente;
  readonly email: string;
  /** E.164, e.g. +573001234567. */
  readonly telefono: string;
}

const CUSTOMER_RATE_PERCENT: Readonly<Record<TipoCliente, number>> = {
  RETAIL: 0,
  MAYORISTA: 10,
  DISTRIBUIDOR: 15,
};

/** The terms of the Java system, kept verbatim because its clients display them. */
const PAYMENT_TERMS: Readonly<Record<TipoCliente, string>> = {
  RETAIL: 'Pago contra entrega',
  MAYORISTA: '30 días',
  DISTRIBUIDOR: '45 días',
};

export function customerRatePercent(tipo: TipoCliente): number {
  return CUSTOMER_RATE_PERCENT[tipo];
}

export function paymentTerms(tipo: TipoCliente): string {
  return PAYMENT_TERMS[tipo];
}
