export const PROVEEDOR_ID_PATTERN = /^PROV\d{3,}$/;
/** E.164: a plus, a country code not starting with 0, at most 15 digits in all. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export interface Proveedor {
  readonly id: string;
  readonly nombre: string;
  readonly categoria: string;
  readonly email: string;
  readonly telefono: string;
  readonly activo: boolean;
}
