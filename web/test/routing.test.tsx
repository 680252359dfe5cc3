// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../src/app';
import { matchPath } from '../src/router/hash-router';
import { page } from './helpers/catalog';
import { fakeGateway, json } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { CLIENTE1, COMPRAS } from './helpers/tokens';

describe('matchPath', () => {
  it.each([
    ['/cotizaciones/:id', '/cotizaciones/abc', { id: 'abc' }],
    ['/cotizaciones/:id', '/cotizaciones/a%20b', { id: 'a b' }],
    ['/solicitudes/grupos/:grupoId', '/solicitudes/grupos/g1?x=1', { grupoId: 'g1' }],
    ['/cotizaciones', '/cotizaciones', {}],
    ['/cotizaciones/:id', '/cotizaciones', undefined],
    ['/cotizaciones/:id', '/cotizaciones/a/b', undefined],
    ['/clientes', '/cotizaciones', undefined],
    ['/cotizaciones/:id', '/cotizaciones/%E0%A4%A', undefined],
  ])('%s against %s', (pattern, path, expected) => {
    expect(matchPath(pattern, path)).toEqual(expected);
  });
});

describe('pages by role', () => {
  const gateway = () =>
    fakeGateway({
      'GET /api/v1/cotizador/productos': () => json(200, page([])),
      'GET /api/v1/gestor-solicitudes/proveedores': () => json(200, page([])),
    });

  it('lands each role on its first page', async () => {
    await renderSignedIn(<App />, gateway().fetch, COMPRAS);

    expect(await screen.findByRole('heading', { name: 'Proveedores' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Catálogo' })).toBeNull();
  });

  it('does not open a page the role may not see, even by its address', async () => {
    const gw = gateway();
    await renderSignedIn(<App />, gw.fetch, CLIENTE1);
    await screen.findByRole('heading', { name: 'Catálogo' });

    await act(async () => {
      window.location.hash = '#/proveedores';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeTruthy();
    expect(gw.calls.some((c) => c.url.includes('/proveedores'))).toBe(false);
  });
});
