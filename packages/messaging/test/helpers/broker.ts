import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedBroker, type EmbeddedBrokerOptions } from '../../src/embedded/embedded-broker';
import type { Clock } from '../../src/embedded/types';

/** A clock that only moves when the test says so. */
export class FakeClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 15, 12, 0, 0)) {}

  now(): number {
    return this.current;
  }

  setTime(ms: number): void {
    this.current = ms;
  }

  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }
}

/** A temp folder holding broker files, removed by `cleanup()`. */
export function tempBrokerDir(): { path: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'arka-broker-'));
  return {
    path: (name = 'broker.sqlite') => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function openBroker(options: Partial<EmbeddedBrokerOptions> & { path: string }): EmbeddedBroker {
  return EmbeddedBroker.open({ pollIntervalMs: 10, ...options });
}
