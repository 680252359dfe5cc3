import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EmbeddedSolicitudesStore } from '../src/adapters/persistence/embedded/embedded-store';
import { prepareDatabase } from '../src/adapters/persistence/embedded/sqlite-schema';
import { storeContract } from './helpers/store-contract';

storeContract('embedded (SQLite, in memory)', async () => {
  const store = EmbeddedSolicitudesStore.open(':memory:');
  return { store, cleanup: () => store.close() };
});

storeContract('embedded (SQLite file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gestor-store-'));
  const store = EmbeddedSolicitudesStore.open(join(dir, 'nested', 'gestor-solicitudes.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('the embedded store file', () => {
  it('has an index on each list filter, used by the filtered queries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gestor-store-'));
    const file = join(dir, 'gestor-solicitudes.sqlite');
    try {
      await EmbeddedSolicitudesStore.open(file).close();
      const db = new Database(file, { readonly: true });
      const plan = (column: string) =>
        JSON.stringify(
          db.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM solicitudes WHERE ${column} = ?`).all('x'),
        );
      expect(plan('estado')).toContain('solicitudes_estado_idx');
      expect(plan('proveedor_id')).toContain('solicitudes_proveedor_idx');
      expect(plan('grupo_id')).toContain('solicitudes_grupo_idx');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a 2 MB page cache per connection, not better-sqlite3’s 16 MB', () => {
    const db = new Database(':memory:');
    try {
      prepareDatabase(db);
      expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
    } finally {
      db.close();
    }
  });

  it('opens an existing file again without losing data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gestor-store-'));
    const file = join(dir, 'gestor-solicitudes.sqlite');
    try {
      const first = EmbeddedSolicitudesStore.open(file);
      await first.insertProveedor({
        id: 'PROV001',
        nombre: 'A',
        categoria: 'B',
        email: 'a@b.example',
        telefono: '+573001234567',
        activo: true,
      });
      await first.close();
      const second = EmbeddedSolicitudesStore.open(file);
      expect((await second.findProveedor('PROV001'))?.nombre).toBe('A');
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
