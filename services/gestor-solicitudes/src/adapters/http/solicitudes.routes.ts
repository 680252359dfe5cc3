import { authorize, errors, installJsonTextParser, page, principalOf, proveedorScope } from '@arka/kernel';
import type { AccessTokenVerifier, ZodApp } from '@arka/kernel';
import type { GestorContext } from '../../application/context';
import { cambiarEstado } from '../../application/cambiar-estado';
import { crearSolicitud, crearSolicitudesMultiples } from '../../application/crear-solicitudes';
import { getSolicitud, listSolicitudes } from '../../application/consultar-solicitudes';
import { unwrap } from './outcome-errors';
import { BASE, errorResponses, pageOf } from './routing';
import {
  crearSolicitudBody,
  envioMultipleResponse,
  estadoBody,
  estadoQuery,
  listSolicitudesQuery,
  multipleQuery,
  solicitudDraftBody,
  solicitudDto,
  solicitudParams,
  solicitudResponse,
} from './solicitud.schema';

export function solicitudesRoutes(app: ZodApp, ctx: GestorContext, verifier: AccessTokenVerifier): void {
  const staff = authorize(verifier, 'COMPRAS', 'ADMIN');
  const staffOrSupplier = authorize(verifier, 'COMPRAS', 'ADMIN', 'PROVEEDOR');
  const tags = ['solicitudes'];

  app.post(
    `${BASE}/solicitudes`,
    {
      onRequest: staff,
      schema: { tags, body: crearSolicitudBody, response: { 201: solicitudResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const { proveedorId, ...draft } = request.body;
      const solicitud = unwrap(await crearSolicitud(ctx, draft, proveedorId));
      return reply.code(201).send(solicitudDto(solicitud));
    },
  );

  app.post(
    `${BASE}/solicitudes/multiple`,
    {
      onRequest: staff,
      schema: {
        tags,
        querystring: multipleQuery,
        body: solicitudDraftBody,
        response: { 201: envioMultipleResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const envio = unwrap(
        await crearSolicitudesMultiples(ctx, request.body, request.query.proveedorIds),
        'proveedorIds',
      );
      return reply.code(201).send({
        grupoId: envio.grupoId,
        total: envio.solicitudes.length,
        solicitudes: envio.solicitudes.map(solicitudDto),
      });
    },
  );

  app.get(
    `${BASE}/solicitudes`,
    {
      onRequest: staffOrSupplier,
      schema: {
        tags,
        querystring: listSolicitudesQuery,
        response: { 200: page(solicitudResponse), ...errorResponses },
      },
    },
    async (request) => {
      const { page: pageNumber, size, ...filter } = request.query;
      const pageRequest = { page: pageNumber, size };
      const scope = proveedorScope(principalOf(request));
      return pageOf(await listSolicitudes(ctx, filter, pageRequest, scope), pageRequest, solicitudDto);
    },
  );

  app.get(
    `${BASE}/solicitudes/:id`,
    {
      onRequest: staffOrSupplier,
      schema: { tags, params: solicitudParams, response: { 200: solicitudResponse, ...errorResponses } },
    },
    async (request) => {
      const scope = proveedorScope(principalOf(request));
      return solicitudDto(unwrap(await getSolicitud(ctx, request.params.id, scope)));
    },
  );

  // The Java system's clients send `?nuevoEstado=` with an empty JSON body; only this route accepts one.
  app.register(async (scoped: ZodApp) => {
    installJsonTextParser(scoped, { value: undefined });
    scoped.put(
      `${BASE}/solicitudes/:id/estado`,
      {
        onRequest: staff,
        schema: {
          tags,
          params: solicitudParams,
          querystring: estadoQuery,
          body: estadoBody.nullish(),
          response: { 200: solicitudResponse, ...errorResponses },
        },
      },
      async (request) => {
        const fromBody = request.body?.estado;
        const fromQuery = request.query.nuevoEstado;
        if (fromBody !== undefined && fromQuery !== undefined && fromBody !== fromQuery) {
          throw errors.validation([
            {
              field: 'nuevoEstado',
              rule: 'matches-body',
              message: `differs from the body's estado ${fromBody}`,
            },
          ]);
        }
        const nuevoEstado = fromBody ?? fromQuery;
        if (nuevoEstado === undefined) {
          throw errors.validation([
            {
              field: 'estado',
              rule: 'required',
              message: 'give estado in the body or nuevoEstado in the query',
            },
          ]);
        }
        return solicitudDto(unwrap(await cambiarEstado(ctx, request.params.id, nuevoEstado)));
      },
    );
  });
}
