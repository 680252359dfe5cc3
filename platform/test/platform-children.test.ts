import { describe, expect, it } from 'vitest';
import { loadPlatformConfig } from '../src/config';
import { endpointsFor } from '../src/endpoints';
import { platformChildren } from '../src/platform-children';

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
  it('runs the AWS stand-ins, both services, both workers and the gateway last', () => {
    expect(children.map((c) => c.name)).toEqual([
      'dynalite',
      'ses',
      'cotizador',
      'gestor-solicitudes',
      'dispatcher',
      'notifications',
      'gateway',
    ]);
    expect(byName('gateway').after).toEqual(['cotizador', 'gestor-solicitudes']);
    expect(byName('gateway').readiness).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:9080/actuator/health',
    });
  });

  it('keeps every child embedded, whatever the shell exported', () => {
    for (const child of children) {
      expect(child.env).not.toHaveProperty('MYSQL_URL');
      expect(child.env).not.toHaveProperty('JWT_SECRET');
      expect(child.env).toMatchObject({ PATH: '/usr/bin', ARKA_DATA_DIR: '/srv/arka', HOST: '127.0.0.1' });
    }
    expect(byName('dynalite').env).not.toHaveProperty('PORT');
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

  it('points the notifications function at dynalite, the local SES and the local SMS outbox', () => {
    expect(byName('notifications').env).toMatchObject({
      ENVIRONMENT: 'local',
      SNS_CHANNEL: 'local',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:4567',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
    });
    expect(byName('notifications').after).toEqual(['dynalite', 'ses']);
  });

  it('runs the background work at a lower priority than the request path', () => {
    expect(children.filter((c) => c.niceness !== undefined).map((c) => c.name)).toEqual([
      'dynalite',
      'ses',
      'dispatcher',
      'notifications',
    ]);
  });
});
