// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../src/api/client';
import { memoryTokenStore } from '../src/api/token-store';
import { App } from '../src/app';
import { ServicesProvider } from '../src/session/services';
import { axeViolations } from './helpers/axe';
import { fakeGateway, json, problem, tokenPair } from './helpers/fake-gateway';
import './helpers/render';
import { CLIENTE1, fakeAccessToken } from './helpers/tokens';

function renderApp(routes: Parameters<typeof fakeGateway>[0]) {
  const gw = fakeGateway(routes);
  const client = new ApiClient({ store: memoryTokenStore(), fetch: gw.fetch });
  render(
    <ServicesProvider client={client}>
      <App />
    </ServicesProvider>,
  );
  return { gw, client };
}

const emptyPage = json(200, { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 });

describe('login form', () => {
  it('has no accessibility violations', async () => {
    renderApp({});
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('names the missing fields beside them without calling the gateway', async () => {
    const user = userEvent.setup();
    const { gw } = renderApp({});

    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    expect(screen.getByLabelText('Usuario')).toHaveProperty('ariaInvalid', 'true');
    expect(screen.getByLabelText('Usuario').getAttribute('aria-describedby')).toBe('username-error');
    expect(document.getElementById('username-error')?.textContent).toBe('Escriba su usuario.');
    expect(document.getElementById('password-error')?.textContent).toBe('Escriba su contraseña.');
    expect(gw.calls).toHaveLength(0);
  });

  it('says the credentials are wrong on a 401', async () => {
    const user = userEvent.setup();
    renderApp({ 'POST /auth/login': () => problem(401, 'Invalid credentials') });

    await user.type(screen.getByLabelText('Usuario'), 'cliente1');
    await user.type(screen.getByLabelText('Contraseña'), 'wrong');
    await user.keyboard('{Enter}');

    expect((await screen.findByRole('alert')).textContent).toBe('Usuario o contraseña incorrectos.');
  });

  it('shows the field the gateway names in a 400 beside it', async () => {
    const user = userEvent.setup();
    renderApp({
      'POST /auth/login': () =>
        problem(400, 'invalid', [{ field: 'username', rule: 'too_big', message: 'at most 128 characters' }]),
    });

    await user.type(screen.getByLabelText('Usuario'), 'x'.repeat(10));
    await user.type(screen.getByLabelText('Contraseña'), 'p');
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    expect((await screen.findByText('at most 128 characters')).closest('ul')?.id).toBe('username-error');
  });

  it('opens the customer pages after a successful login', async () => {
    const user = userEvent.setup();
    const { gw } = renderApp({
      'POST /auth/login': () => tokenPair(fakeAccessToken(CLIENTE1)),
      'GET /api/v1/cotizador/productos': () => emptyPage,
    });

    await user.type(screen.getByLabelText('Usuario'), 'cliente1');
    await user.type(screen.getByLabelText('Contraseña'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    expect(await screen.findByRole('navigation', { name: 'Principal' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Catálogo' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Proveedores' })).toBeNull();
    expect(gw.callsTo('POST', '/auth/login')[0]?.body).toEqual({ username: 'cliente1', password: 'secret' });
  });

  it('returns to the login after logout, having revoked the refresh token', async () => {
    const user = userEvent.setup();
    const { gw } = renderApp({
      'POST /auth/login': () => tokenPair(fakeAccessToken(CLIENTE1), 'refresh-9'),
      'POST /auth/logout': () => ({ status: 204 }),
    });
    await user.type(screen.getByLabelText('Usuario'), 'cliente1');
    await user.type(screen.getByLabelText('Contraseña'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Ingresar' }));

    await user.click(await screen.findByRole('button', { name: 'Cerrar sesión' }));

    expect(await screen.findByRole('button', { name: 'Ingresar' })).toBeTruthy();
    expect(screen.getByText('Sesión cerrada.')).toBeTruthy();
    expect(gw.callsTo('POST', '/auth/logout')[0]?.body).toEqual({ refreshToken: 'refresh-9' });
  });
});
