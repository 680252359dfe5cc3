import { authorize, page, paginationQuery, principalOf, proveedorScope } from '@arka/kernel';
import type { AccessTokenVerifier, ZodApp } from '@arka/kernel';
import type { GestorContext } from '../../application/context';
import {
  actualizarProveedor,
  crearProveedor,
  getProveedor,
  listProveedores,
} from '../../application/proveedores';
import { unwrap } from './outcome-errors';
import {
  actualizarProveedorBody,
  crearProveedorBody,
  proveedorDto,
  proveedorParams,
  proveedorResponse,
} from './proveedor.schema';
import { BASE, errorResponses, pageOf } from './routing';

export function proveedoresRoutes(app: ZodApp, ctx: GestorContext, verifier: AccessTokenVerifier): void {
  const staff = authorize(verifier, 'COMPRAS', 'ADMIN');
  const staffOrSupplier = authorize(verifier, 'COMPRAS', 'ADMIN', 'PROVEEDOR');
  const tags = ['proveedores'];

  app.get(
    `${BASE}/proveedores`,
    {
      onRequest: staff,
      schema: {
        tags,
        querystring: paginationQuery,
        response: { 200: page(proveedorResponse), ...errorResponses },
      },
    },
    async (request) => pageOf(await listProveedores(ctx, request.query), request.query, proveedorDto),
  );

  app.get(
    `${BASE}/proveedores/:id`,
    {
      onRequest: staffOrSupplier,
      schema: { tags, params: proveedorParams, response: { 200: proveedorResponse, ...errorResponses } },
    },
    async (request) => {
      const scope = proveedorScope(principalOf(request));
      return proveedorDto(unwrap(await getProveedor(ctx, request.params.id, scope)));
    },
  );

  app.post(
    `${BASE}/proveedores`,
    {
      onRequest: staff,
      schema: { tags, body: crearProveedorBody, response: { 201: proveedorResponse, ...errorResponses } },
    },
    async (request, reply) =>
      reply.code(201).send(proveedorDto(unwrap(await crearProveedor(ctx, request.body)))),
  );

  app.put(
    `${BASE}/proveedores/:id`,
    {
      onRequest: staff,
      schema: {
        tags,
        params: proveedorParams,
        body: actualizarProveedorBody,
        response: { 200: proveedorResponse, ...errorResponses },
      },
    },
    async (request) =>
      proveedorDto(unwrap(await actualizarProveedor(ctx, { id: request.params.id, ...request.body }))),
  );
}
