import { visibleTo, type GestorContext, type Scope } from './context';
import { failure, success, type Outcome } from './outcome';
import type { PageRequest, PageResult } from './ports/solicitudes-store';
import type { Proveedor } from '../domain/proveedor';

export function listProveedores(ctx: GestorContext, page: PageRequest): Promise<PageResult<Proveedor>> {
  return ctx.store.listProveedores(page);
}

/** A PROVEEDOR may read its own record only; any other id is reported missing. */
export async function getProveedor(
  ctx: GestorContext,
  id: string,
  scope: Scope,
): Promise<Outcome<Proveedor>> {
  const proveedor = visibleTo(scope, id) ? await ctx.store.findProveedor(id) : undefined;
  return proveedor ? success(proveedor) : failure({ kind: 'not-found', what: 'Proveedor', id });
}

export async function crearProveedor(ctx: GestorContext, proveedor: Proveedor): Promise<Outcome<Proveedor>> {
  if (await ctx.store.insertProveedor(proveedor)) return success(proveedor);
  return failure({ kind: 'duplicate', detail: `Proveedor ${proveedor.id} already exists.` });
}

export async function actualizarProveedor(
  ctx: GestorContext,
  proveedor: Proveedor,
): Promise<Outcome<Proveedor>> {
  if (await ctx.store.replaceProveedor(proveedor)) return success(proveedor);
  return failure({ kind: 'not-found', what: 'Proveedor', id: proveedor.id });
}

/** The demo suppliers of the embedded mode (DOMAIN.md): active, with email and E.164 phone. */
export const DEMO_PROVEEDORES: readonly Proveedor[] = [
  {
    id: 'PROV001',
    nombre: 'TecnoPartes S.A.S.',
    categoria: 'Periféricos',
    email: 'ventas@tecnopartes.example',
    telefono: '+573001234567',
    activo: true,
  },
  {
    id: 'PROV002',
    nombre: 'Distribuidora Andina de Cómputo',
    categoria: 'Almacenamiento',
    email: 'cotizaciones@andinacomputo.example',
    telefono: '+573107654321',
    activo: true,
  },
  {
    id: 'PROV003',
    nombre: 'Importaciones Valle Digital',
    categoria: 'Redes',
    email: 'comercial@valledigital.example',
    telefono: '+573209876543',
    activo: true,
  },
];
