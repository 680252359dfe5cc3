import type { ReactNode } from 'react';
import type { Role } from './api/claims';
import { CatalogoPage } from './features/catalogo/catalogo-page';
import { ClientesPage } from './features/clientes/clientes-page';
import { CotizacionPage } from './features/cotizaciones/cotizacion-page';
import { CotizacionesPage } from './features/cotizaciones/cotizaciones-page';
import { QuoteBuilder } from './features/cotizaciones/quote-builder';
import { ProveedoresPage } from './features/proveedores/proveedores-page';
import { ComparacionPage } from './features/solicitudes/comparacion-page';
import { EnvioPage } from './features/solicitudes/envio-page';
import { SolicitudPage } from './features/solicitudes/solicitud-page';
import { SolicitudesPage } from './features/solicitudes/solicitudes-page';

export interface Route {
  readonly pattern: string;
  /** Who sees the page; the API enforces the same rule, this only keeps menus and pages honest. */
  readonly roles: readonly Role[];
  readonly render: (params: Readonly<Record<string, string>>) => ReactNode;
  /** Shown in the menu under this label. */
  readonly menu?: string;
}

const QUOTES: Role[] = ['CLIENTE', 'VENTAS', 'ADMIN'];
const STAFF_SALES: Role[] = ['VENTAS', 'ADMIN'];
const PURCHASING: Role[] = ['COMPRAS', 'ADMIN'];
const REQUESTS: Role[] = ['COMPRAS', 'ADMIN', 'PROVEEDOR'];

/** In match order: fixed segments before parameters. */
export const ROUTES: readonly Route[] = [
  { pattern: '/catalogo', roles: QUOTES, render: () => <CatalogoPage />, menu: 'Catálogo' },
  { pattern: '/cotizaciones/nueva', roles: QUOTES, render: () => <QuoteBuilder />, menu: 'Nueva cotización' },
  { pattern: '/cotizaciones', roles: QUOTES, render: () => <CotizacionesPage />, menu: 'Cotizaciones' },
  {
    pattern: '/cotizaciones/:id',
    roles: QUOTES,
    render: (p) => <CotizacionPage key={p.id} id={p.id ?? ''} />,
  },
  { pattern: '/clientes', roles: STAFF_SALES, render: () => <ClientesPage />, menu: 'Clientes' },
  {
    pattern: '/clientes/:id/cotizaciones',
    roles: STAFF_SALES,
    render: (p) => <CotizacionesPage key={p.id} clienteInicial={p.id ?? ''} />,
  },
  { pattern: '/proveedores', roles: PURCHASING, render: () => <ProveedoresPage />, menu: 'Proveedores' },
  { pattern: '/solicitudes/nueva', roles: PURCHASING, render: () => <EnvioPage />, menu: 'Nueva solicitud' },
  { pattern: '/solicitudes', roles: REQUESTS, render: () => <SolicitudesPage />, menu: 'Solicitudes' },
  {
    pattern: '/solicitudes/grupos/:grupoId',
    roles: PURCHASING,
    render: (p) => <ComparacionPage key={p.grupoId} grupoId={p.grupoId ?? ''} />,
  },
  {
    pattern: '/solicitudes/:id',
    roles: REQUESTS,
    render: (p) => <SolicitudPage key={p.id} id={p.id ?? ''} />,
  },
];
