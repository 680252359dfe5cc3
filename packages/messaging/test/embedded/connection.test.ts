import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../src/embedded/schema';

describe('embedded broker connection', () => {
  it('keeps a 2 MB page cache, not better-sqlite3’s 16 MB, and waits on other processes’ locks', () => {
    const db = new Database(':memory:');
    try {
      configureConnection(db, 1234);

      expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    } finally {
      db.close();
    }
  });
});
