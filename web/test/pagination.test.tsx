// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pagination } from '../src/components/pagination';
import { CatalogoPage } from '../src/features/catalogo/catalogo-page';
import { axeViolations } from './helpers/axe';
import { MOUSE, page, TECLADO } from './helpers/catalog';
import { fakeGateway, json } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { CLIENTE1, VENTAS } from './helpers/tokens';

describe('pagination', () => {
  it.each([
    // page, totalPages, previous enabled, next enabled, text
    [0, 3, false, true, 'Página 1 de 3 · 45 en total'],
    [1, 3, true, true, 'Página 2 de 3 · 45 en total'],
    [2, 3, true, false, 'Página 3 de 3 · 45 en total'],
    [0, 0, false, false, 'Página 1 de 1 · 45 en total'],
  ])('on page %i of %i: previous %s, next %s', (pageNumber, totalPages, previous, next, text) => {
    render(
      <Pagination
        label="productos"
        page={pageNumber}
        totalPages={totalPages}
        totalElements={45}
        onPage={() => undefined}
      />,
    );

    expect(screen.getByRole('button', { name: 'Anterior' })).toHaveProperty('disabled', !previous);
    expect(screen.getByRole('button', { name: 'Siguiente' })).toHaveProperty('disabled', !next);
    expect(screen.getByRole('navigation', { name: 'Paginación de productos' }).textContent).toContain(text);
  });

  it('asks for the neighbouring zero-based page', async () => {
    const user = userEvent.setup();
    const onPage = vi.fn();
    render(<Pagination label="productos" page={1} totalPages={3} totalElements={45} onPage={onPage} />);

    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    await user.click(screen.getByRole('button', { name: 'Anterior' }));

    expect(onPage.mock.calls).toEqual([[2], [0]]);
  });

  it('pages through the catalog with the API page parameters, keeping the search', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'GET /api/v1/cotizador/productos': (call) => {
        const pageNumber = Number(new URL(call.url, 'http://x').searchParams.get('page'));
        return json(200, page(pageNumber === 0 ? [MOUSE] : [TECLADO], pageNumber, 40));
      },
    });
    await renderSignedIn(<CatalogoPage />, gw.fetch, CLIENTE1);
    await screen.findByText(MOUSE.nombre);
    await user.type(screen.getByLabelText('Buscar producto'), 'logi');
    await user.click(screen.getByRole('button', { name: 'Buscar' }));
    await screen.findByText('Productos que coinciden con «logi»');

    await user.click(screen.getByRole('button', { name: 'Siguiente' }));

    expect(await screen.findByText(TECLADO.nombre)).toBeTruthy();
    expect(screen.queryByText(MOUSE.nombre)).toBeNull();
    expect(gw.calls.map((c) => c.url)).toEqual([
      '/api/v1/cotizador/productos?page=0&size=20',
      '/api/v1/cotizador/productos?page=0&size=20&q=logi',
      '/api/v1/cotizador/productos?page=1&size=20&q=logi',
    ]);
    expect(screen.getByText(/Página 2 de 2/)).toBeTruthy();
  });

  it('shows the catalog stock to customers without edit buttons, and passes axe', async () => {
    const gw = fakeGateway({ 'GET /api/v1/cotizador/productos': () => json(200, page([MOUSE, TECLADO])) });
    await renderSignedIn(<CatalogoPage />, gw.fetch, CLIENTE1);

    expect(await screen.findByText('340')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Editar/ })).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('lets sales change a price and shows the API error beside it', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      'GET /api/v1/cotizador/productos': () => json(200, page([MOUSE])),
      'PUT /api/v1/cotizador/productos/1': () => ({
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'invalid',
          errors: [{ field: 'precio', rule: 'custom', message: 'must have at most two decimals' }],
        },
      }),
    });
    await renderSignedIn(<CatalogoPage />, gw.fetch, VENTAS);
    await user.click(await screen.findByRole('button', { name: `Editar ${MOUSE.nombre}` }));
    const precio = screen.getByLabelText('Precio (COP)');
    await user.clear(precio);
    await user.type(precio, '10.123');

    await user.click(screen.getByRole('button', { name: 'Guardar' }));

    expect((await screen.findByText('must have at most two decimals')).closest('ul')?.id).toBe(
      'precio-error',
    );
    expect(gw.callsTo('PUT', '/api/v1/cotizador/productos/1')[0]?.body).toEqual({
      precio: 10.123,
      stock: 340,
      activo: true,
    });
  });
});
