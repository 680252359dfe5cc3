import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo-users';
import { endpointsFor } from '../src/endpoints';
import { renderSummary } from '../src/summary';

const endpoints = endpointsFor({
  gateway: 8080,
  cotizador: 8081,
  gestor: 8082,
  dynalite: 4567,
  ses: 8005,
  metrics: 9464,
});

describe('start-up summary', () => {
  it('names the URLs, every demo user with its role, the password, the data directory and how to stop', () => {
    // Prepare

    // Act
    const text = renderSummary({
      endpoints,
      users: DEMO_USERS,
      password: 's3cret-demo',
      dataDir: '/home/ana/arka/.arka-data',
      logDir: '/home/ana/arka/.arka-data/logs',
      processes: 7,
    });

    // Assess
    for (const expected of [
      'http://127.0.0.1:8080',
      'http://127.0.0.1:8080/docs',
      'http://127.0.0.1:8005/',
      'http://127.0.0.1:9464/metrics',
      'password: s3cret-demo',
      'compras     COMPRAS',
      'proveedor1  PROVEEDOR (PROV001)',
      '/home/ana/arka/.arka-data',
      'Ctrl-C',
    ]) {
      expect(text).toContain(expected);
    }
    expect(DEMO_USERS.every((u) => text.includes(u.username))).toBe(true);
  });

  it('names ARKA_DATA_DIR in the demo command when the data directory is not the default', () => {
    // Prepare
    const input = {
      endpoints,
      users: DEMO_USERS,
      password: 'p',
      logDir: '/l',
      processes: 5,
      defaultDataDir: '/home/ana/arka/.arka-data',
    };

    // Act
    const atDefault = renderSummary({ ...input, dataDir: '/home/ana/arka/.arka-data' });
    const elsewhere = renderSummary({ ...input, dataDir: '/tmp/trial-data' });

    // Assess
    expect(atDefault).toContain('Try it: npm run demo ');
    expect(elsewhere).toContain('Try it: ARKA_DATA_DIR=/tmp/trial-data npm run demo ');
    expect(renderSummary({ ...input, dataDir: "/tmp/ana's data" })).toContain(
      `ARKA_DATA_DIR='/tmp/ana'\\''s data' npm run demo`,
    );
  });
});
