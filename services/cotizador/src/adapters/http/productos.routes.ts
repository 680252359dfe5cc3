import { errors, page, problemSchema, type ZodApp } from '@arka/kernel';
import { createProduct, updateProduct, type SaveProductResult } from '../../application/catalog';
import type { Product } from '../../domain/product';
import type { RouteContext } from './context';
import { integerIdParam } from './common.schema';
import {
  createProductoBody,
  listProductosQuery,
  productoResponse,
  toProductoResponse,
  updateProductoBody,
} from './producto.schema';

const tags = ['productos'];
const security = [{ bearerAuth: [] }];
const failures = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

function saved(result: SaveProductResult, id: string): Product {
  if (result.ok) return result.product;
  if (result.reason === 'not-found') throw errors.notFound('Producto', id);
  if (result.reason === 'sku-taken') throw errors.conflict('Another product already has this sku.');
  throw errors.unprocessable('The price is too large to represent exactly.', [
    { field: 'precio', rule: 'max', message: 'at most 9999999999999.99' },
  ]);
}

export function productosRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/productos',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        querystring: listProductosQuery,
        response: { 200: page(productoResponse), ...failures },
      },
    },
    async (request) => {
      const { page: pageNumber, size, q, categoria } = request.query;
      const slice = await ctx.products.list(
        { ...(q === undefined ? {} : { q }), ...(categoria === undefined ? {} : { categoria }) },
        { page: pageNumber, size },
      );
      return {
        content: slice.items.map(toProductoResponse),
        page: pageNumber,
        size,
        totalElements: slice.total,
        totalPages: Math.ceil(slice.total / size),
      };
    },
  );

  app.get(
    '/productos/:id',
    {
      onRequest: ctx.guards.anyCotizadorRole,
      schema: {
        tags,
        security,
        params: integerIdParam,
        response: { 200: productoResponse, 404: problemSchema, ...failures },
      },
    },
    async (request) => {
      const product = await ctx.products.findById(request.params.id);
      if (!product) throw errors.notFound('Producto', String(request.params.id));
      return toProductoResponse(product);
    },
  );

  app.post(
    '/productos',
    {
      onRequest: ctx.guards.staff,
      schema: {
        tags,
        security,
        body: createProductoBody,
        response: { 201: productoResponse, 409: problemSchema, 422: problemSchema, ...failures },
      },
    },
    async (request, reply) => {
      const product = saved(await createProduct(ctx.products, request.body), request.body.sku);
      return reply
        .code(201)
        .header('location', `${request.url.split('?')[0] ?? ''}/${product.id}`)
        .send(toProductoResponse(product));
    },
  );

  app.put(
    '/productos/:id',
    {
      onRequest: ctx.guards.staff,
      schema: {
        tags,
        security,
        params: integerIdParam,
        body: updateProductoBody,
        response: {
          200: productoResponse,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
          ...failures,
        },
      },
    },
    async (request) => {
      const id = request.params.id;
      return toProductoResponse(saved(await updateProduct(ctx.products, id, request.body), String(id)));
    },
  );
}
