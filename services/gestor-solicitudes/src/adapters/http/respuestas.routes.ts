import { authorize, principalOf, proveedorScope } from '@arka/kernel';
import type { AccessTokenVerifier, ZodApp } from '@arka/kernel';
import { z } from 'zod';
import type { GestorContext } from '../../application/context';
import { compararGrupo, listRespuestas } from '../../application/consultar-solicitudes';
import { responder } from '../../application/responder';
import { unwrap } from './outcome-errors';
import { comparacionResponse, respuestaBody, respuestaDto, respuestaResponse } from './respuesta.schema';
import { BASE, errorResponses } from './routing';
import { grupoParams, solicitudParams } from './solicitud.schema';

export function respuestasRoutes(app: ZodApp, ctx: GestorContext, verifier: AccessTokenVerifier): void {
  const staff = authorize(verifier, 'COMPRAS', 'ADMIN');
  const staffOrSupplier = authorize(verifier, 'COMPRAS', 'ADMIN', 'PROVEEDOR');
  const tags = ['respuestas'];

  app.post(
    `${BASE}/respuestas`,
    {
      onRequest: staffOrSupplier,
      schema: { tags, body: respuestaBody, response: { 201: respuestaResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const scope = proveedorScope(principalOf(request));
      const respuesta = unwrap(await responder(ctx, request.body, scope));
      return reply.code(201).send(respuestaDto(respuesta));
    },
  );

  app.get(
    `${BASE}/solicitudes/:id/respuestas`,
    {
      onRequest: staffOrSupplier,
      schema: {
        tags,
        params: solicitudParams,
        response: { 200: z.array(respuestaResponse), ...errorResponses },
      },
    },
    async (request) => {
      const scope = proveedorScope(principalOf(request));
      return unwrap(await listRespuestas(ctx, request.params.id, scope)).map(respuestaDto);
    },
  );

  app.get(
    `${BASE}/solicitudes/grupos/:grupoId/comparacion`,
    {
      onRequest: staff,
      schema: { tags, params: grupoParams, response: { 200: comparacionResponse, ...errorResponses } },
    },
    async (request) => {
      const comparacion = unwrap(await compararGrupo(ctx, request.params.grupoId));
      return {
        grupoId: comparacion.grupoId,
        totalSolicitudes: comparacion.totalSolicitudes,
        totalOfertas: comparacion.ofertas.length,
        mejorOferta: comparacion.mejorOferta ? respuestaDto(comparacion.mejorOferta) : null,
        ofertas: comparacion.ofertas.map((r, i) => ({ ...respuestaDto(r), posicion: i + 1 })),
      };
    },
  );
}
