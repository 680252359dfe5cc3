import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccessTokenVerifier } from '@arka/kernel';
import { createScratchMysqlDatabase, mysqlSkipReason } from '@arka/sql';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS, startGateway } from '../src';
import { runUsersCommand } from '../src/cli/users-command';

const SECRET = 'start-up-test-secret-of-32-bytes-at-least';

async function loginStatus(address: string, username: string, password: string) {
  const response = await fetch(`${address}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as { accessToken?: string } };
}

describe('embedded start-up', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const env = (dataDir: string, extra: Record<string, string> = {}) => ({
    ARKA_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: '0',
    JWT_SECRET: SECRET,
    ...extra,
  });

  it('seeds the seven demo users with the password it prints, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
    dirs.push(dataDir);
    const printed: string[] = [];
    const first = await startGateway(env(dataDir), { print: (line) => printed.push(line) });
    const password = /password: (\S+)$/.exec(printed[0] ?? '')?.[1] ?? '';
    try {
      expect(password.length).toBeGreaterThanOrEqual(16);
      const verifier = createAccessTokenVerifier({
        secret: SECRET,
        issuer: 'arka-gateway',
        audience: 'arka-api',
      });
      const principals = [];
      for (const demo of DEMO_USERS) {
        const { status, body } = await loginStatus(first.address, demo.username, password);
        expect(status, demo.username).toBe(200);
        principals.push(await verifier.verify(body.accessToken ?? ''));
      }
      expect(principals).toContainEqual({ subject: 'cliente2', roles: ['CLIENTE'], clienteId: 'CLI002' });
      expect(principals).toContainEqual({
        subject: 'proveedor1',
        roles: ['PROVEEDOR'],
        proveedorId: 'PROV001',
      });
    } finally {
      await first.close();
    }

    const again: string[] = [];
    const second = await startGateway(env(dataDir, { ARKA_DEMO_PASSWORD: 'another-password' }), {
      print: (line) => again.push(line),
    });
    try {
      expect(again[0]).toContain('password is unchanged');
      expect((await loginStatus(second.address, 'admin', password)).status).toBe(200);
      expect((await loginStatus(second.address, 'admin', 'another-password')).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('uses ARKA_DEMO_PASSWORD without printing it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
    dirs.push(dataDir);
    const printed: string[] = [];
    const gateway = await startGateway(env(dataDir, { ARKA_DEMO_PASSWORD: 'demo-password-1' }), {
      print: (l) => printed.push(l),
    });
    try {
      expect(printed.join('\n')).not.toContain('demo-password-1');
      expect((await loginStatus(gateway.address, 'compras', 'demo-password-1')).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });

  it('lets a user created by the users command log in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gateway-start-'));
    dirs.push(dataDir);
    const out: string[] = [];
    const code = await runUsersCommand(
      ['create', '--username', 'Dora', '--role', 'proveedor', '--proveedor', 'PROV007'],
      {
        env: { ARKA_DATA_DIR: dataDir },
        readStdin: async () => 'dora-password-1\n',
        out: (line) => out.push(line),
        err: (line) => out.push(line),
      },
    );
    expect(code).toBe(0);
    const gateway = await startGateway(env(dataDir, { ARKA_DEMO_PASSWORD: 'demo-password-1' }), {
      print: () => undefined,
    });
    try {
      expect((await loginStatus(gateway.address, 'dora', 'dora-password-1')).status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});

const skip = mysqlSkipReason(process.env);
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('start-up on MySQL', () => {
  it('creates no default user outside the embedded mode', async () => {
    const scratch = await createScratchMysqlDatabase(process.env['MYSQL_URL'] ?? '');
    const printed: string[] = [];
    try {
      const gateway = await startGateway(
        {
          MYSQL_URL: scratch.url,
          JWT_SECRET: SECRET,
          LOG_LEVEL: 'silent',
          PORT: '0',
          ARKA_DEMO_PASSWORD: 'demo-password-1',
        },
        { print: (line) => printed.push(line) },
      );
      try {
        expect(printed).toEqual([]);
        expect((await loginStatus(gateway.address, 'admin', 'demo-password-1')).status).toBe(401);
      } finally {
        await gateway.close();
      }
    } finally {
      await scratch.drop();
    }
  });
});
