import { errors, installJsonTextParser, page, principalOf, problemSchema, type ZodApp } from '@arka/kernel';
import { changeQuoteState } from '../../application/change-quote-state';
import { createQuote } from '../../application/create-quote';
import { findQuote, listQuotes } from '../../application/read-quotes';
import { actorOf, type RouteContext } from './context';
import {
  changeEstadoBody,
  changeEstadoQuery,
  cotizacionIdParam,
  cotizacionResponse,
  createCotizacionBody,
  listCotizacionesQuery,
  toCotizacionResponse,
} from './cotizacion.schema';
import { changeStateProblem, createQuoteProblem } from './quote-problems';

const tags = ['cotizaciones'];
const security = [{ bearerAuth: [] }];
const failures = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export function cotizacionesRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/cotizaciones',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        body: createCotizacionBody,
        response: { 201: cotizacionResponse, 422: problemSchema, ...failures },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await createQuote(ctx, actorOf(principalOf(request)), {
        clienteId: body.clienteId,
        ...(body.observaciones === undefined ? {} : { observaciones: body.observaciones }),
        lines: body.productos,
      });
      if (!result.ok) throw createQuoteProblem(result, body.productos);
      return reply
        .code(201)
        .header('location', `${request.url.split('?')[0] ?? ''}/${result.quote.id}`)
        .send(toCotizacionResponse(result.quote, ctx.clock()));
    },
  );

  app.get(
    '/cotizaciones/:id',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        params: cotizacionIdParam,
        response: { 200: cotizacionResponse, 404: problemSchema, ...failures },
      },
    },
    async (request) => {
      const quote = await findQuote(ctx.quotes, actorOf(principalOf(request)), request.params.id);
      if (!quote) throw errors.notFound('Cotización', request.params.id);
      return toCotizacionResponse(quote, ctx.clock());
    },
  );

  app.get(
    '/cotizaciones',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        querystring: listCotizacionesQuery,
        response: { 200: page(cotizacionResponse), ...failures },
      },
    },
    async (request) => {
      const { page: pageNumber, size, clienteId, estado } = request.query;
      const now = ctx.clock();
      const slice = await listQuotes(
        ctx.quotes,
        actorOf(principalOf(request)),
        {
          now,
          ...(clienteId === undefined ? {} : { clienteId }),
          ...(estado === undefined ? {} : { estado }),
        },
        { page: pageNumber, size },
      );
      return {
        content: slice.items.map((q) => toCotizacionResponse(q, now)),
        page: pageNumber,
        size,
        totalElements: slice.total,
        totalPages: Math.ceil(slice.total / size),
      };
    },
  );

  // The Java system's clients send `PUT …/estado?nuevoEstado=X` with a JSON content type
  // and an empty body: in this scope it reads as no body instead of malformed JSON.
  void app.register(async (scope) => {
    installJsonTextParser(scope, { value: null, orBlank: true });
    changeEstadoRoute(scope, ctx);
  });
}

function changeEstadoRoute(app: ZodApp, ctx: RouteContext): void {
  app.put(
    '/cotizaciones/:id/estado',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        description:
          'The new state in the body (`{estado}`) or, as the Java clients send it, in `?nuevoEstado=`.',
        params: cotizacionIdParam,
        querystring: changeEstadoQuery,
        body: changeEstadoBody,
        response: { 200: cotizacionResponse, 404: problemSchema, 409: problemSchema, ...failures },
      },
    },
    async (request) => {
      const fromBody = request.body?.estado;
      const fromQuery = request.query.nuevoEstado;
      if (fromBody !== undefined && fromQuery !== undefined && fromBody !== fromQuery)
        throw errors.validation([
          { field: 'nuevoEstado', rule: 'matches-body', message: 'differs from estado in the body' },
        ]);
      const target = fromBody ?? fromQuery;
      if (target === undefined)
        throw errors.validation([
          {
            field: 'estado',
            rule: 'required',
            message: 'give estado in the body or nuevoEstado in the query',
          },
        ]);
      const result = await changeQuoteState(ctx, actorOf(principalOf(request)), request.params.id, target);
      if (!result.ok) throw changeStateProblem(result, request.params.id);
      return toCotizacionResponse(result.quote, ctx.clock());
    },
  );
}
