import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runFlow, type FlowResult } from '../src/flow';
import { login } from '../src/flow/gateway-client';
import { tokenPair } from '../src/flow/schemas';
import { LOCK_FILE } from '../src/data-dir-lock';
import { launchPlatform, type LaunchedPlatform } from '../src/launcher';
import { freePorts } from '../src/ports-free';
import { commandLine, identify, processTree, stillRunning, type ProcessIdentity } from '../src/process-tree';

/**
 * The whole platform, started the way `npm start` starts it, on a temporary data
 * directory and free ports; the flow of `npm run demo` runs through its gateway.
 * Five processes (the supervisor, both services, the background process and the
 * gateway) on a shared machine: the hooks allow minutes, the assertions never depend
 * on speed.
 */
const PASSWORD = 'e2e-demo-password';
let dataDir: string;
let platform: LaunchedPlatform;
let children: ProcessIdentity[] = [];
let flow: FlowResult;
const logLines: string[] = [];

/** The bundle a process of the tree runs (`<data>/.build/<name>.mjs`), '' for none. */
const bundleOf = (pid: number): string => /\/([\w-]+)\.mjs$/.exec(commandLine(pid))?.[1] ?? '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'arka-e2e-'));
  platform = await launchPlatform({ dataDir, ports: await freePorts(), password: PASSWORD });
  children = identify(processTree(platform.pid).filter((pid) => pid !== platform.pid));
}, 300_000);

afterAll(async () => {
  if (platform !== undefined) await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('the local platform, end to end', () => {
  it('prints the summary with the URLs, the demo users and the password once everything is healthy', () => {
    const out = platform.output();
    expect(out).toContain(`Gateway (API)    ${platform.endpoints.gateway}`);
    expect(out).toContain(`${platform.endpoints.gateway}/docs`);
    expect(out).toContain(`password: ${PASSWORD}`);
    expect(out).toContain(dataDir);
    expect(children.map((c) => bundleOf(c.pid)).sort()).toEqual([
      'background',
      'cotizador',
      'gateway',
      'gestor-solicitudes',
    ]);
  });

  it('restarts the background process, all four of its parts, and reports it', async () => {
    // Prepare
    const background = processTree(platform.pid).find((pid) => bundleOf(pid) === 'background');
    if (background === undefined) throw new Error('no background process in the tree');
    const mark = platform.output().length;

    // Act
    process.kill(background, 'SIGKILL');
    await platform.waitForOutput('✔ background restarted and ready', 120_000, mark);

    // Assess: the stand-ins answer again; the flow below needs both workers too.
    expect(platform.output().slice(mark)).toContain('✘ background stopped unexpectedly (signal SIGKILL)');
    expect((await fetch(`${platform.endpoints.ses}/health-check`)).status).toBe(200);
    expect((await fetch(platform.endpoints.dynalite)).status).toBeGreaterThan(0);
  }, 180_000);

  it('runs the purchasing and quoting flow through the gateway', async () => {
    // Act
    flow = await runFlow({
      gatewayUrl: platform.endpoints.gateway,
      password: PASSWORD,
      sesUrl: platform.endpoints.ses,
      dynaliteUrl: platform.endpoints.dynalite,
      auditTable: platform.endpoints.auditTable,
      log: (line) => logLines.push(line),
      waitTimeoutMs: 90_000,
    });

    // Assess: the bulk request, dispatched to each supplier
    expect(flow.products).toHaveLength(3);
    expect(flow.sent.map((s) => s.proveedorId).sort()).toEqual(['PROV001', 'PROV002', 'PROV003']);
    expect(flow.sent.every((s) => s.estado === 'PENDIENTE')).toBe(true);
    expect(flow.dispatched.every((s) => s.estado === 'ENVIADA')).toBe(true);

    // the three answers, one rejection
    expect(flow.answers.map((a) => [a.proveedorId, a.estado])).toEqual([
      ['PROV001', 'ACEPTADA'],
      ['PROV002', 'RECHAZADA'],
      ['PROV003', 'PARCIAL'],
    ]);
    expect(flow.answers.map((a) => a.answeredBy)).toEqual(['proveedor1', 'proveedor2', 'compras']);

    // the comparison: rejected offers left out, cheapest first, best named
    expect(flow.comparison.totalSolicitudes).toBe(3);
    expect(flow.comparison.ofertas.map((o) => [o.posicion, o.proveedorId])).toEqual([
      [1, 'PROV001'],
      [2, 'PROV003'],
    ]);
    expect(flow.comparison.mejorOferta?.proveedorId).toBe('PROV001');
    expect(flow.completed).toEqual({ id: flow.comparison.mejorOferta?.solicitudId, estado: 'COMPLETADA' });

    // the customer's quote
    expect(flow.quote).toMatchObject({ clienteId: 'CLI001', estado: 'PENDIENTE' });
    expect(flow.quote.total).toBeGreaterThan(0);
    expect(flow.approved).toMatchObject({ cotizacionId: flow.quote.cotizacionId, estado: 'APROBADA' });
  }, 240_000);

  it('delivers each expected email exactly once and audits it as SENT', () => {
    expect(flow.emails).toHaveLength(8);
    for (const email of flow.emails) {
      expect({ what: email.what, received: email.received }).toEqual({ what: email.what, received: 1 });
      expect(email.subject).toMatch(/^\[Arka\] /);
      expect(email.audit).toMatchObject({ type: 'email', status: 'SENT' });
    }
  });

  it('restarts a killed service, reports it and serves again', async () => {
    // Prepare
    const cotizador = processTree(platform.pid).find((pid) => bundleOf(pid) === 'cotizador');
    if (cotizador === undefined) throw new Error('no cotizador process in the tree');
    const mark = platform.output().length;

    // Act
    process.kill(cotizador, 'SIGKILL');
    await platform.waitForOutput('✔ cotizador restarted and ready', 120_000, mark);

    // Assess
    expect(platform.output().slice(mark)).toContain('✘ cotizador stopped unexpectedly (signal SIGKILL)');
    const health = await fetch(`${platform.endpoints.cotizador}/actuator/health`);
    expect(health.status).toBe(200);
  }, 180_000);

  it('serves the platform metrics in Prometheus text', async () => {
    // Act
    const text = await (await fetch(platform.endpoints.metrics)).text();

    // Assess
    expect(text).toMatch(/arka_service_running_tasks\{[^}]*service_name="gateway"[^}]*\} 1/);
    // One service per role: the background process counts as dynalite, ses, dispatcher, notifications.
    for (const role of ['dynalite', 'ses', 'dispatcher', 'notifications']) {
      expect(text).toMatch(new RegExp(`arka_service_running_tasks\\{[^}]*service_name="${role}"[^}]*\\} 1`));
    }
    expect(text).toMatch(/arka_cluster_active_services\{[^}]*\} 7/);
  });

  it('refuses a second start on its data directory, --reset included, and deletes nothing', async () => {
    // Act: other ports, so only the data directory stands in the way
    const second = launchPlatform({
      dataDir,
      ports: await freePorts(),
      password: PASSWORD,
      args: ['--reset'],
      readyTimeoutMs: 60_000,
    });

    // Assess
    await expect(second).rejects.toThrow(`Arka is already running on ${dataDir} (PID ${platform.pid})`);
    expect(existsSync(join(dataDir, 'cotizador.sqlite'))).toBe(true);
    const session = await login(platform.endpoints.gateway, 'cliente1', PASSWORD, tokenPair);
    expect(session.accessToken).not.toBe('');
  }, 90_000);

  it('stops every process it started on SIGTERM', async () => {
    // Prepare
    const tree = identify(processTree(platform.pid));

    // Act
    const code = await platform.stop();

    // Assess
    expect(code).toBe(0);
    expect(platform.output()).toContain('Stopped.');
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    expect(tree.length).toBe(5);
    expect([...tree, ...children].filter(stillRunning)).toEqual([]);
  }, 60_000);

  it('leaves no process behind when the supervisor itself is killed with SIGKILL', async () => {
    // Prepare: a platform of its own, on its own directory and ports
    const dir = mkdtempSync(join(tmpdir(), 'arka-e2e-kill-'));
    const killed = await launchPlatform({ dataDir: dir, ports: await freePorts(), password: PASSWORD });
    const orphans = identify(processTree(killed.pid).filter((pid) => pid !== killed.pid));
    try {
      expect(orphans.length).toBe(4);

      // Act
      process.kill(killed.pid, 'SIGKILL');

      // Assess: each child sees its IPC channel close and stops as on SIGTERM
      await vi.waitFor(() => expect(orphans.filter(stillRunning)).toEqual([]), {
        timeout: 20_000,
        interval: 200,
      });
    } finally {
      for (const orphan of orphans.filter(stillRunning)) process.kill(orphan.pid, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
