// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Comparacion, Solicitud } from '../src/api/solicitudes-schemas';
import { ComparacionPage } from '../src/features/solicitudes/comparacion-page';
import { ComparacionTable } from '../src/features/solicitudes/comparacion-table';
import { axeViolations } from './helpers/axe';
import { page } from './helpers/catalog';
import { fakeGateway, json } from './helpers/fake-gateway';
import { renderSignedIn } from './helpers/render';
import { COMPRAS } from './helpers/tokens';

const GRUPO = '0f7b6a52-3f55-4f0c-9a7e-6a1c5b0d2e31';
const oferta = (
  id: string,
  proveedorId: string,
  precioOfertado: number,
  tiempoEntrega: number,
  posicion: number,
) => ({
  id,
  solicitudId: `s-${proveedorId}`,
  grupoId: GRUPO,
  proveedorId,
  estado: 'ACEPTADA' as const,
  precioOfertado,
  tiempoEntrega,
  condicionesPago: '30 días',
  fechaRespuesta: '2026-12-03T12:00:00.000Z',
  posicion,
});
const BARATA = oferta('r2', 'PROV002', 90000, 7, 1);
const CARA = oferta('r1', 'PROV001', 100000, 5, 2);
const { posicion: _posicion, ...mejor } = BARATA;
const COMPARACION: Comparacion = {
  grupoId: GRUPO,
  totalSolicitudes: 3,
  totalOfertas: 2,
  mejorOferta: mejor,
  ofertas: [BARATA, CARA],
};

const solicitud = (proveedorId: string, estado: Solicitud['estado']): Solicitud => ({
  id: `s-${proveedorId}`,
  proveedorId,
  grupoId: GRUPO,
  tipoSolicitud: 'COTIZACION',
  prioridad: 'ALTA',
  estado,
  productos: [{ productoId: 'MOU-1', nombreProducto: 'Mouse', cantidadSolicitada: 10, urgente: false }],
  fechaCreacion: '2026-12-03T11:00:00.000Z',
  fechaActualizacion: '2026-12-03T12:00:00.000Z',
});

describe('comparison of offers', () => {
  it('highlights the offer the API names as best, in words and in style', () => {
    render(<ComparacionTable comparacion={COMPARACION} />);

    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.className)).toEqual(['best', '']);
    expect(within(rows[0] ?? document.body).getByText('1 · Mejor oferta')).toBeTruthy();
    expect(within(rows[1] ?? document.body).queryByText(/Mejor oferta/)).toBeNull();
    expect(screen.getByRole('status').textContent).toMatch(
      /^Mejor oferta: PROV002 con \$\s?90\.000,00 en 7 días\.$/,
    );
  });

  it('highlights whichever offer the API names, even when it is not the first row', () => {
    render(
      <ComparacionTable comparacion={{ ...COMPARACION, mejorOferta: COMPARACION.ofertas[1] ?? null }} />,
    );

    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.className)).toEqual(['', 'best']);
  });

  it('says there is nothing to compare before any acceptable answer', () => {
    render(
      <ComparacionTable comparacion={{ ...COMPARACION, mejorOferta: null, ofertas: [], totalOfertas: 0 }} />,
    );

    expect(screen.getByText('Todavía no hay ofertas aceptadas o parciales para comparar.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('loads the group, lets purchasing complete an answered request, and passes axe', async () => {
    const user = userEvent.setup();
    let estado: Solicitud['estado'] = 'RESPONDIDA';
    const gw = fakeGateway({
      [`GET /api/v1/gestor-solicitudes/solicitudes/grupos/${GRUPO}/comparacion`]: () =>
        json(200, COMPARACION),
      'GET /api/v1/gestor-solicitudes/solicitudes': () =>
        json(
          200,
          page([
            solicitud('PROV002', estado),
            solicitud('PROV001', 'RESPONDIDA'),
            solicitud('PROV003', 'ENVIADA'),
          ]),
        ),
      'PUT /api/v1/gestor-solicitudes/solicitudes/s-PROV002/estado': () => (
        (estado = 'COMPLETADA'),
        json(200, solicitud('PROV002', estado))
      ),
    });
    await renderSignedIn(<ComparacionPage grupoId={GRUPO} />, gw.fetch, COMPRAS);

    await user.click(await screen.findByRole('button', { name: 'Completar la solicitud a PROV002' }));

    expect(gw.callsTo('PUT', '/api/v1/gestor-solicitudes/solicitudes/s-PROV002/estado')[0]?.body).toEqual({
      estado: 'COMPLETADA',
    });
    expect(await screen.findByText('Completada')).toBeTruthy();
    expect(gw.calls.find((c) => c.url.includes('grupoId='))?.url).toContain(`grupoId=${GRUPO}`);
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
