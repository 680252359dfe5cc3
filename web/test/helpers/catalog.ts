import type { Cotizacion, Producto } from '../../src/api/schemas';

export const MOUSE: Producto = {
  id: 1,
  sku: 'MOU-LOG-M185',
  nombre: 'Mouse inalámbrico Logitech M185',
  categoria: 'Mouse',
  precio: 42900,
  stock: 340,
  activo: true,
};
export const TECLADO: Producto = {
  id: 2,
  sku: 'TEC-LOG-K120',
  nombre: 'Teclado Logitech K120',
  categoria: 'Teclados',
  precio: 100,
  stock: 10,
  activo: true,
};

export const page = <T>(content: T[], pageNumber = 0, totalElements = content.length, size = 20) => ({
  content,
  page: pageNumber,
  size,
  totalElements,
  totalPages: Math.ceil(totalElements / size),
});

/** DOMAIN.md's worked example: MAYORISTA, 50 × 100.00. */
export const COTIZACION_MAYORISTA: Cotizacion = {
  cotizacionId: '5b0e3f8e-2a57-4d8a-9c1b-0a8e0f6d1c11',
  clienteId: 'CLI001',
  tipoCliente: 'MAYORISTA',
  subtotal: 5000,
  descuentos: 500,
  impuestos: 855,
  total: 5355,
  fechaCotizacion: '2026-12-03T10:00:00.000Z',
  fechaVencimiento: '2027-01-02T10:00:00.000Z',
  estado: 'PENDIENTE',
  condicionesPago: '30 días',
  tiempoEntrega: 15,
  observaciones: null,
  productos: [
    {
      productoId: 2,
      nombre: 'Teclado Logitech K120',
      cantidad: 50,
      precioUnitario: 100,
      subtotal: 5000,
      disponibilidad: 'PARCIAL',
    },
  ],
};
