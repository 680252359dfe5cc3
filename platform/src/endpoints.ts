import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Ports } from './config';

/** Where each part of a running platform answers; written into the data directory for the demo. */
export const endpointsSchema = z.object({
  gateway: z.url(),
  cotizador: z.url(),
  gestor: z.url(),
  dynalite: z.url(),
  ses: z.url(),
  metrics: z.url(),
  auditTable: z.string().min(1),
});

export type Endpoints = z.infer<typeof endpointsSchema>;

const FILE = 'endpoints.json';
export const AUDIT_TABLE_NAME = 'arka-notifications-audit-local';

export function endpointsFor(ports: Ports): Endpoints {
  const at = (port: number) => `http://127.0.0.1:${port}`;
  return {
    gateway: at(ports.gateway),
    cotizador: at(ports.cotizador),
    gestor: at(ports.gestor),
    dynalite: at(ports.dynalite),
    ses: at(ports.ses),
    metrics: `${at(ports.metrics)}/metrics`,
    auditTable: AUDIT_TABLE_NAME,
  };
}

export function writeEndpoints(dataDir: string, endpoints: Endpoints): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(endpoints, null, 2)}\n`);
}

/** The endpoints of the platform last started on `dataDir`, if any. */
export function readEndpoints(dataDir: string): Endpoints | undefined {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return undefined;
  return endpointsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
