import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_FILE, prepareDataDir, readDemoPassword, resolveDemoPassword } from '../src/data-dir';
import { scratchDirs } from './helpers/scratch';

const scratch = scratchDirs('arka-data-');

describe('data directory', () => {
  it('creates and marks a new data directory, keeping its files across starts', () => {
    // Prepare
    const dir = join(scratch(), 'data');

    // Act
    prepareDataDir(dir, { reset: false });
    writeFileSync(join(dir, 'cotizador.sqlite'), 'rows');
    prepareDataDir(dir, { reset: false });

    // Assess
    expect(existsSync(join(dir, MARKER_FILE))).toBe(true);
    expect(existsSync(join(dir, 'cotizador.sqlite'))).toBe(true);
  });

  it('empties an Arka data directory on reset', () => {
    // Prepare
    const dir = join(scratch(), 'data');
    prepareDataDir(dir, { reset: false });
    writeFileSync(join(dir, 'cotizador.sqlite'), 'rows');

    // Act
    prepareDataDir(dir, { reset: true });

    // Assess
    expect(existsSync(join(dir, 'cotizador.sqlite'))).toBe(false);
    expect(existsSync(join(dir, MARKER_FILE))).toBe(true);
  });

  it('refuses to reset a directory that is not an Arka data directory', () => {
    // Prepare
    const dir = scratch();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'thesis.tex'), 'precious');

    // Act
    const reset = () => prepareDataDir(dir, { reset: true });

    // Assess
    expect(reset).toThrow(`${dir} is not an Arka data directory`);
    expect(existsSync(join(dir, 'thesis.tex'))).toBe(true);
  });

  it('refuses to use (and so to mark) a directory holding other files', () => {
    // Prepare
    const dir = scratch();
    writeFileSync(join(dir, 'thesis.tex'), 'precious');

    // Act
    const use = () => prepareDataDir(dir, { reset: false });

    // Assess
    expect(use).toThrow(`${dir} is not an Arka data directory`);
    expect(existsSync(join(dir, MARKER_FILE))).toBe(false);
  });

  it('adopts a directory a service filled before the platform ever ran', () => {
    // Prepare
    const dir = scratch();
    for (const file of ['jwt-secret', 'broker.sqlite', 'broker.sqlite-wal', 'cotizador.sqlite']) {
      writeFileSync(join(dir, file), '');
    }

    // Act
    prepareDataDir(dir, { reset: true });

    // Assess
    expect(existsSync(join(dir, 'broker.sqlite'))).toBe(false);
    expect(existsSync(join(dir, MARKER_FILE))).toBe(true);
  });

  it('generates the demo password once and gives the same one on every later start', () => {
    // Prepare
    const dir = scratch();

    // Act
    const first = resolveDemoPassword(dir, undefined);
    const second = resolveDemoPassword(dir, undefined);

    // Assess
    expect(first).toMatch(/^[\w-]{16}$/);
    expect(second).toBe(first);
    expect(readDemoPassword(dir)).toBe(first);
  });

  it('uses the password given in the environment', () => {
    // Act
    const password = resolveDemoPassword(scratch(), 'arka-demo-2026');

    // Assess
    expect(password).toBe('arka-demo-2026');
  });
});
