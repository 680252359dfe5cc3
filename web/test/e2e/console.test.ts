/**
 * The console in Chromium against the whole platform on a throwaway data
 * directory. One platform and one browser serve every scenario: starting them
 * is most of the cost on a two-core machine.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  axeViolations,
  DESKTOP,
  fitsWidth,
  launchChromium,
  PHONE,
  screenshot,
  signIn,
} from './helpers/browser';
import { buildConsole, previewConsole, servesConsole } from './helpers/console-server';
import { startPlatform, type RunningPlatform } from './helpers/platform';
import { apiLogin, createQuoteAs } from './helpers/api';

const SCENARIO_BOUND_MS = 180_000;

interface Setup {
  readonly platform: RunningPlatform;
  readonly baseUrl: string;
  readonly close: () => Promise<void>;
}

/** Starts what the suite needs, or says why it cannot run here. */
async function setUp(): Promise<Setup | string> {
  await buildConsole();
  const started = await startPlatform();
  if (!started.ok) return `the platform could not be started: ${started.reason}`;
  const { platform } = started;
  if (await servesConsole(platform.gateway))
    return { platform, baseUrl: platform.gateway, close: platform.stop };
  if (process.env.ARKA_E2E_CONSOLE === 'preview') {
    const server = await previewConsole(platform.gateway);
    return {
      platform,
      baseUrl: server.url,
      close: async () => {
        await server.close();
        await platform.stop();
      },
    };
  }
  await platform.stop();
  return (
    'the gateway does not serve the console at / yet (it must call registerConsole from @arka/console); ' +
    'set ARKA_E2E_CONSOLE=preview to run against Vite preview proxying to the gateway'
  );
}

const setup = await setUp();
const skipReason = typeof setup === 'string' ? setup : undefined;
if (skipReason !== undefined) process.stderr.write(`web e2e skipped: ${skipReason}\n`);

describe.skipIf(skipReason !== undefined)('web console end to end', () => {
  let browser: Browser;
  let env: Setup;

  beforeAll(async () => {
    if (typeof setup === 'string') throw new Error(setup);
    env = setup;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  const expectAccessible = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

  it(
    'a customer quotes and approves',
    async () => {
      const login = await (await browser.newContext({ viewport: DESKTOP })).newPage();
      await login.goto(`${env.baseUrl}/`);
      await login.getByRole('button', { name: 'Ingresar' }).waitFor();
      await screenshot(login, 'login');
      await expectAccessible(login);
      await login.context().close();

      const { context, page, errors } = await signIn(browser, env.baseUrl, 'cliente1', env.platform.password);
      await page.getByRole('heading', { name: 'Catálogo' }).waitFor();
      await page.getByRole('table').waitFor();
      await screenshot(page, 'catalogo');
      await expectAccessible(page);

      await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link', { name: 'Nueva cotización' })
        .click();
      await page.getByLabel('Nombre o SKU').fill('M185');
      await page.getByRole('button', { name: 'Buscar', exact: true }).click();
      await page.getByRole('button', { name: 'Agregar Mouse inalámbrico Logitech M185' }).click();
      const cantidad = page.getByLabel('Cantidad de Mouse inalámbrico Logitech M185');
      await cantidad.fill('0');
      await expect(page.locator('[id="productos[0].cantidad-error"]').textContent()).resolves.toBe(
        'La cantidad mínima es 1.',
      );
      await cantidad.fill('25');
      await screenshot(page, 'nueva-cotizacion');
      await expectAccessible(page);

      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/cotizador/cotizaciones') && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Solicitar cotización' }).click();
      const quote = z
        .object({ clienteId: z.string(), estado: z.string(), condicionesPago: z.string(), total: z.number() })
        .parse(await (await created).json());
      await page.getByRole('heading', { name: 'Cotización', exact: true }).waitFor();
      await page.getByText('Detalle por producto').waitFor();
      const total = await page
        .getByLabel('Totales')
        .getByText('Total', { exact: true })
        .locator('xpath=following-sibling::dd')
        .textContent();
      expect(quote).toMatchObject({ clienteId: 'CLI001', estado: 'PENDIENTE', condicionesPago: '30 días' });
      expect(total?.replace(/\s/g, ' ')).toBe(
        new Intl.NumberFormat('es-CO', { style: 'currency', currency: 'COP', minimumFractionDigits: 2 })
          .format(quote.total)
          .replace(/\s/g, ' '),
      );
      await screenshot(page, 'cotizacion');
      await expectAccessible(page);

      await page.setViewportSize(PHONE);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'cotizacion-movil');
      await page.setViewportSize(DESKTOP);

      await page.getByRole('button', { name: 'Aprobar' }).click();
      await page.getByText('La cotización quedó aprobada.').waitFor();
      await expect(page.locator('.facts .badge').textContent()).resolves.toBe('Aprobada');

      await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link', { name: 'Cotizaciones' })
        .click();
      await page.getByRole('heading', { name: 'Mis cotizaciones' }).waitFor();
      await page.getByRole('cell', { name: 'Aprobada' }).first().waitFor();
      await screenshot(page, 'mis-cotizaciones');
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await context.close();
    },
    SCENARIO_BOUND_MS,
  );

  it(
    'purchasing sends one request to two suppliers, both answer, purchasing sees the best offer',
    async () => {
      const compras = await signIn(browser, env.baseUrl, 'compras', env.platform.password);
      await compras.page.getByRole('heading', { name: 'Proveedores' }).waitFor();
      await compras.page.getByRole('table').waitFor();
      await screenshot(compras.page, 'proveedores');
      await expectAccessible(compras.page);

      await compras.page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link', { name: 'Nueva solicitud' })
        .click();
      await compras.page.getByLabel(/\(PROV001\)/).check();
      await compras.page.getByLabel(/\(PROV002\)/).check();
      await compras.page.getByLabel('Prioridad').selectOption('ALTA');
      await compras.page.getByLabel('Código del producto 1').fill('MOU-LOG-M185');
      await compras.page.getByLabel('Nombre del producto 1').fill('Mouse inalámbrico Logitech M185');
      await compras.page.getByLabel('Cantidad del producto 1').fill('200');
      await screenshot(compras.page, 'nueva-solicitud');
      await expectAccessible(compras.page);
      await compras.page.getByRole('button', { name: 'Enviar a 2 proveedor(es)' }).click();
      await compras.page.getByRole('heading', { name: 'Comparación de ofertas' }).waitFor();
      const links = {
        PROV001: await compras.page.getByRole('link', { name: 'Solicitud a PROV001' }).getAttribute('href'),
        PROV002: await compras.page.getByRole('link', { name: 'Solicitud a PROV002' }).getAttribute('href'),
      };

      const offers = [
        { user: 'proveedor1', href: links.PROV001, precio: '120000', dias: '5' },
        { user: 'proveedor2', href: links.PROV002, precio: '95000.50', dias: '8' },
      ];
      for (const offer of offers) {
        const supplier = await signIn(browser, env.baseUrl, offer.user, env.platform.password);
        await supplier.page.getByRole('heading', { name: 'Mis solicitudes' }).waitFor();
        await supplier.page.getByRole('table').waitFor();
        if (offer.user === 'proveedor1') {
          await screenshot(supplier.page, 'solicitudes-proveedor');
          await expectAccessible(supplier.page);
        }
        await supplier.page.goto(`${env.baseUrl}/${offer.href ?? ''}`);
        await supplier.page.getByLabel('Precio ofertado (COP)').fill(offer.precio);
        await supplier.page.getByLabel('Tiempo de entrega (días)').fill(offer.dias);
        await supplier.page.getByLabel('Condiciones de pago').fill('30 días');
        await supplier.page.getByLabel('Garantía').fill('12 meses');
        await supplier.page.getByRole('button', { name: 'Enviar oferta' }).click();
        await supplier.page.getByText('Su oferta fue enviada.').waitFor();
        expect(supplier.errors).toEqual([]);
        if (offer.user === 'proveedor1') {
          await screenshot(supplier.page, 'responder-solicitud');
          await expectAccessible(supplier.page);
        }
        await supplier.context.close();
      }

      await compras.page.getByRole('button', { name: 'Actualizar' }).click();
      const best = compras.page.locator('tr.best');
      await best.getByText('Mejor oferta').waitFor();
      await expect(best.getByRole('cell', { name: 'PROV002' }).count()).resolves.toBe(1);
      await expect(compras.page.getByRole('status').textContent()).resolves.toContain(
        'Mejor oferta: PROV002',
      );
      await screenshot(compras.page, 'comparacion');
      await expectAccessible(compras.page);

      await compras.page.getByRole('button', { name: 'Completar la solicitud a PROV002' }).click();
      await compras.page
        .getByRole('button', { name: 'Completar la solicitud a PROV002' })
        .waitFor({ state: 'detached' });
      await compras.page.getByRole('button', { name: 'Cancelar la solicitud a PROV001' }).click();
      await compras.page
        .getByRole('button', { name: 'Cancelar la solicitud a PROV001' })
        .waitFor({ state: 'detached' });
      await compras.page.getByRole('cell', { name: 'Completada' }).waitFor();
      await compras.page.getByRole('cell', { name: 'Cancelada' }).waitFor();
      expect(compras.errors).toEqual([]);
      await compras.context.close();
    },
    SCENARIO_BOUND_MS,
  );

  it(
    "a customer cannot open another customer's quote",
    async () => {
      const cliente2 = await apiLogin(env.baseUrl, 'cliente2', env.platform.password);
      const ajena = await createQuoteAs(env.baseUrl, cliente2, 'CLI002');

      const { context, page } = await signIn(browser, env.baseUrl, 'cliente1', env.platform.password);
      await page.goto(`${env.baseUrl}/#/cotizaciones/${ajena}`);

      await page.getByRole('heading', { name: 'Cotización no encontrada' }).waitFor();
      await expect(page.getByText('Detalle por producto').count()).resolves.toBe(0);
      await screenshot(page, 'cotizacion-ajena');
      await context.close();
    },
    SCENARIO_BOUND_MS,
  );

  it(
    'sales see every quote and the customers',
    async () => {
      const { context, page } = await signIn(browser, env.baseUrl, 'ventas', env.platform.password);
      await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link', { name: 'Cotizaciones' })
        .click();
      await page.getByRole('heading', { name: 'Cotizaciones', exact: true }).waitFor();
      await page.getByRole('cell', { name: 'CLI002' }).first().waitFor();
      await page.getByRole('cell', { name: 'CLI001' }).first().waitFor();
      await screenshot(page, 'cotizaciones-ventas');
      await expectAccessible(page);

      await page
        .getByRole('navigation', { name: 'Principal' })
        .getByRole('link', { name: 'Clientes' })
        .click();
      await page.getByRole('cell', { name: 'CLI001', exact: true }).waitFor();
      await screenshot(page, 'clientes');
      await expectAccessible(page);

      await page.setViewportSize(PHONE);
      expect(await fitsWidth(page)).toBe(true);
      await screenshot(page, 'clientes-movil');
      await context.close();
    },
    SCENARIO_BOUND_MS,
  );
});
