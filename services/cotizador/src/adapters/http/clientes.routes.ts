import { errors, page, principalOf, problemSchema, type ZodApp } from '@arka/kernel';
import { findCustomer } from '../../application/customers';
import { actorOf, type RouteContext } from './context';
import {
  clienteIdParam,
  clienteResponse,
  createClienteBody,
  listClientesQuery,
  toClienteResponse,
  updateClienteBody,
} from './cliente.schema';

const tags = ['clientes'];
const security = [{ bearerAuth: [] }];
const failures = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export function clientesRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/clientes',
    {
      onRequest: ctx.guards.staff,
      schema: {
        tags,
        security,
        querystring: listClientesQuery,
        response: { 200: page(clienteResponse), ...failures },
      },
    },
    async (request) => {
      const { page: pageNumber, size, tipoCliente } = request.query;
      const slice = await ctx.customers.list(tipoCliente === undefined ? {} : { tipoCliente }, {
        page: pageNumber,
        size,
      });
      return {
        content: slice.items.map(toClienteResponse),
        page: pageNumber,
        size,
        totalElements: slice.total,
        totalPages: Math.ceil(slice.total / size),
      };
    },
  );

  app.get(
    '/clientes/:id',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        params: clienteIdParam,
        response: { 200: clienteResponse, 404: problemSchema, ...failures },
      },
    },
    async (request) => {
      const customer = await findCustomer(ctx.customers, actorOf(principalOf(request)), request.params.id);
      if (!customer) throw errors.notFound('Cliente', request.params.id);
      return toClienteResponse(customer);
    },
  );

  app.post(
    '/clientes',
    {
      onRequest: ctx.guards.staff,
      schema: {
        tags,
        security,
        body: createClienteBody,
        response: { 201: clienteResponse, 409: problemSchema, ...failures },
      },
    },
    async (request, reply) => {
      if (!(await ctx.customers.create(request.body)))
        throw errors.conflict(`Cliente ${request.body.id} already exists.`);
      return reply
        .code(201)
        .header('location', `${request.url.split('?')[0] ?? ''}/${request.body.id}`)
        .send(toClienteResponse(request.body));
    },
  );

  app.put(
    '/clientes/:id',
    {
      onRequest: ctx.guards.staff,
      schema: {
        tags,
        security,
        params: clienteIdParam,
        body: updateClienteBody,
        response: { 200: clienteResponse, 404: problemSchema, ...failures },
      },
    },
    async (request) => {
      const customer = await ctx.customers.update(request.params.id, request.body);
      if (!customer) throw errors.notFound('Cliente', request.params.id);
      return toClienteResponse(customer);
    },
  );
}
