import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '../src/config';
import { endpointsFor } from '../src/endpoints';
import { platformChildren } from '../src/platform-children';
import { prepareEntryCommands } from '../src/runtime/entry-commands';

const config = loadPlatformConfig([], { ARKA_DATA_DIR: '/srv/arka', GATEWAY_PORT: '9080' }, '/');
const children = platformChildren(
  config,
  endpointsFor(config.ports),
  'demo-password-1',
  (name) => ['/usr/bin/node', `/srv/arka/.build/${name}.mjs`],
  {
    PATH: '/usr/bin',
    HOME: '/root',
    MYSQL_URL: 'mysql://ci@127.0.0.1/arka',
    JWT_SECRET: 'x'.repeat(40),
    PORT: '1',
  },
);
const byName = (name: string) => {
  const child = children.find((c) => c.name === name);
  if (child === undefined) throw new Error(`no child ${name}`);
  return child;
};

describe('the processes of the local platform', () => {
  it('runs both services, the background process and the gateway last', () => {
    expect(children.map((c) => c.name)).toEqual(['cotizador', 'gestor-solicitudes', 'background', 'gateway']);
    expect(byName('gateway').after).toEqual(['cotizador', 'gestor-solicitudes']);
    expect(byName('gateway').readiness).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:9080/actuator/health',
    });
  });

  it('runs the AWS stand-ins and both workers in one background process, ready when it says so', () => {
    const background = byName('background');
    expect(background.parts).toEqual(['dynalite', 'ses', 'dispatcher', 'notifications']);
    expect(background.readiness).toEqual({ kind: 'message' });
    // The dispatcher works on the store the gestor creates.
    expect(background.after).toEqual(['gestor-solicitudes']);
    expect(background.args).toEqual(['/srv/arka/.build/background.mjs']);
  });

  it('keeps every child embedded, whatever the shell exported', () => {
    for (const child of children) {
      expect(child.env).not.toHaveProperty('MYSQL_URL');
      expect(child.env).not.toHaveProperty('JWT_SECRET');
      expect(child.env).toMatchObject({ PATH: '/usr/bin', ARKA_DATA_DIR: '/srv/arka', HOST: '127.0.0.1' });
    }
    expect(byName('background').env).not.toHaveProperty('PORT');
  });

  it('gives every child one malloc arena and a fixed mmap threshold', () => {
    for (const child of children) {
      expect(child.env).toMatchObject({ MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072' });
    }
  });

  it('tells each service its port and the gateway its upstreams and the demo password', () => {
    expect(byName('cotizador').env.PORT).toBe('8081');
    expect(byName('gestor-solicitudes').env.PORT).toBe('8082');
    expect(byName('gateway').env).toMatchObject({
      PORT: '9080',
      COTIZADOR_URL: 'http://127.0.0.1:8081',
      GESTOR_SOLICITUDES_URL: 'http://127.0.0.1:8082',
      ARKA_DEMO_PASSWORD: 'demo-password-1',
    });
    expect(byName('cotizador').args).toEqual(['/srv/arka/.build/cotizador.mjs']);
  });

  it('gives the stand-ins their ports and points the notifications function at them', () => {
    expect(byName('background').env).toMatchObject({
      DYNALITE_PORT: '4567',
      SES_PORT: '8005',
      ENVIRONMENT: 'local',
      SNS_CHANNEL: 'local',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
    });
  });

  it("runs the background work at a lower priority than the request path, the cotizador's relay thread included", () => {
    expect(children.filter((c) => c.niceness !== undefined).map((c) => c.name)).toEqual(['background']);
    expect(children.filter((c) => c.idleScheduling === true).map((c) => c.name)).toEqual(['background']);
    expect(byName('cotizador').env.OUTBOX_RELAY_IDLE_PRIORITY).toBe('true');
  });
});

describe('how each Node child runs', () => {
  it('gives the quote path a capped young generation and slow heap growth, the gestor and the background process smaller heaps, and every child a single-threaded GC', async () => {
    // Act (tsx: the sources run as they are, nothing is bundled)
    const command = await prepareEntryCommands('tsx', '/srv/arka');

    // Assess
    expect(command('cotizador').slice(1, 3)).toEqual([
      '--max-semi-space-size=4',
      '--heap-growing-percent=30',
    ]);
    expect(command('gateway').slice(1, 3)).toEqual(['--max-semi-space-size=8', '--heap-growing-percent=30']);
    expect(command('gestor-solicitudes').slice(1, 3)).toEqual([
      '--max-semi-space-size=2',
      '--heap-growing-percent=30',
    ]);
    expect(command('background').slice(1, 3)).toEqual(['--max-semi-space-size=1', '--optimize-for-size']);
    expect(command('gestor-solicitudes')).toContain('--optimize-for-size');
    for (const name of ['cotizador', 'gateway', 'gestor-solicitudes', 'background'] as const)
      expect(command(name).slice(1, -1)).toContain('--single-threaded-gc');
    expect(command('background').at(-1)).toMatch(/platform\/src\/workers\/background-main\.ts$/);
  });
});
