import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runUsersCommand } from '../src/cli/users-command';

describe('users command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gateway-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function run(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
    const lines: string[] = [];
    const code = await runUsersCommand(argv, {
      env: { ARKA_DATA_DIR: dataDir, ...options.env },
      readStdin: async () => options.stdin,
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    return { code, output: lines.join('\n') };
  }

  it('creates a user with the password from stdin', async () => {
    const result = await run(['create', '--username', 'ventas2', '--role', 'VENTAS'], {
      stdin: 'a-good-password\n',
    });

    expect(result).toEqual({ code: 0, output: 'Created ventas2 (VENTAS).' });
  });

  it('takes the password from ARKA_NEW_USER_PASSWORD when set', async () => {
    const result = await run(
      ['create', '--username', 'cliente9', '--role', 'CLIENTE', '--cliente', 'CLI009'],
      {
        env: { ARKA_NEW_USER_PASSWORD: 'a-good-password' },
      },
    );

    expect(result.code).toBe(0);
  });

  it('refuses a username that exists (exit 3)', async () => {
    await run(['create', '--username', 'twice', '--role', 'COMPRAS'], { stdin: 'a-good-password' });

    expect(
      (await run(['create', '--username', 'TWICE', '--role', 'COMPRAS'], { stdin: 'a-good-password' })).code,
    ).toBe(3);
  });

  it.each([
    ['a CLIENTE without a customer', ['--role', 'CLIENTE'], 'clienteId: a CLIENTE needs a customer id'],
    [
      'a PROVEEDOR bound to a customer',
      ['--role', 'PROVEEDOR', '--proveedor', 'PROV001', '--cliente', 'CLI001'],
      'clienteId: only a CLIENTE',
    ],
    [
      'a staff user bound to a supplier',
      ['--role', 'ADMIN', '--proveedor', 'PROV001'],
      'proveedorId: only a PROVEEDOR',
    ],
  ])('refuses %s (exit 2)', async (_case, args, message) => {
    const result = await run(['create', '--username', 'someone', ...args], { stdin: 'a-good-password' });

    expect(result.code).toBe(2);
    expect(result.output).toContain(message);
  });

  it('refuses a short password', async () => {
    const result = await run(['create', '--username', 'shorty', '--role', 'VENTAS'], { stdin: 'short' });

    expect(result.code).toBe(2);
    expect(result.output).toContain('password: at least 8 characters');
  });

  it('refuses to run without a password rather than asking for one on the command line', async () => {
    const result = await run(['create', '--username', 'nopass', '--role', 'VENTAS']);

    expect(result.code).toBe(2);
    expect(result.output).toContain('pipe it on stdin');
  });

  it.each([
    ['an unknown command', ['delete', '--username', 'x', '--role', 'ADMIN']],
    ['an unknown role', ['create', '--username', 'x', '--role', 'ROOT']],
    ['a password option', ['create', '--username', 'x', '--role', 'ADMIN', '--password', 'secret123']],
  ])('prints the usage for %s (exit 2)', async (_case, argv) => {
    const result = await run(argv, { stdin: 'a-good-password' });

    expect(result.code).toBe(2);
    expect(result.output).toContain('usage: users create');
  });
});
