// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CotizacionPage } from '../src/features/cotizaciones/cotizacion-page';
import { axeViolations } from './helpers/axe';
import { COTIZACION_MAYORISTA as Q } from './helpers/catalog';
import { fakeGateway, json, problem } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { CLIENTE1 } from './helpers/tokens';

const path = `/api/v1/cotizador/cotizaciones/${Q.cotizacionId}`;
const text = (label: string) => screen.getByText(label).nextElementSibling?.textContent?.replace(/\s/g, ' ');

describe('priced quote', () => {
  it('shows the amounts, terms and availability exactly as the API computed them', async () => {
    const gw = fakeGateway({ [`GET ${path}`]: () => json(200, Q) });
    await renderSignedIn(<CotizacionPage id={Q.cotizacionId} />, gw.fetch, CLIENTE1);

    await screen.findByText('Detalle por producto');
    const totals = within(screen.getByLabelText('Totales'));
    expect(totals.getByText('Subtotal').nextElementSibling?.textContent).toMatch(/5\.000,00/);
    expect(totals.getByText('Descuentos').nextElementSibling?.textContent).toMatch(/−\$\s?500,00/);
    expect(totals.getByText('IVA (19 %)').nextElementSibling?.textContent).toMatch(/855,00/);
    expect(totals.getByText('Total').nextElementSibling?.textContent).toMatch(/5\.355,00/);
    expect(text('Condiciones de pago')).toBe('30 días');
    expect(text('Tiempo de entrega')).toBe('15 días');
    expect(text('Cliente')).toBe('CLI001 (Mayorista)');
    expect(screen.getByText('Parcial')).toBeTruthy();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('approves a pending quote and shows its new state', async () => {
    const user = userEvent.setup();
    let estado: typeof Q.estado = 'PENDIENTE';
    const gw = fakeGateway({
      [`GET ${path}`]: () => json(200, { ...Q, estado }),
      [`PUT ${path}/estado`]: () => ((estado = 'APROBADA'), json(200, { ...Q, estado })),
    });
    await renderSignedIn(<CotizacionPage id={Q.cotizacionId} />, gw.fetch, CLIENTE1);

    await user.click(await screen.findByRole('button', { name: 'Aprobar' }));

    expect(await screen.findByText('La cotización quedó aprobada.')).toBeTruthy();
    expect(gw.callsTo('PUT', `${path}/estado`)[0]?.body).toEqual({ estado: 'APROBADA' });
    expect(await screen.findByText('Aprobada')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aprobar' })).toBeNull();
  });

  it('shows the conflict the API reports when the quote already changed', async () => {
    const user = userEvent.setup();
    const gw = fakeGateway({
      [`GET ${path}`]: () => json(200, Q),
      [`PUT ${path}/estado`]: () => problem(409, 'La cotización está APROBADA'),
    });
    await renderSignedIn(<CotizacionPage id={Q.cotizacionId} />, gw.fetch, CLIENTE1);

    await user.click(await screen.findByRole('button', { name: 'Rechazar' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Conflict: La cotización está APROBADA');
  });

  it('says "no encontrada" for another customer’s quote (the API answers 404)', async () => {
    const gw = fakeGateway({
      [`GET ${path}`]: () => problem(404, `Cotización ${Q.cotizacionId} does not exist.`),
    });
    await renderSignedIn(<CotizacionPage id={Q.cotizacionId} />, gw.fetch, CLIENTE1);

    expect(await screen.findByRole('heading', { name: 'Cotización no encontrada' })).toBeTruthy();
    expect(screen.queryByText('Total')).toBeNull();
  });
});
