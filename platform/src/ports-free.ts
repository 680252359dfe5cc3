import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Ports } from './config';

const VARIABLE: Record<keyof Ports, string> = {
  gateway: 'GATEWAY_PORT',
  cotizador: 'COTIZADOR_PORT',
  gestor: 'GESTOR_PORT',
  dynalite: 'DYNALITE_PORT',
  ses: 'SES_PORT',
  metrics: 'METRICS_PORT',
};

async function isFree(port: number): Promise<boolean> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => Promise.reject(error)),
    ]);
  } catch {
    return false;
  }
  server.close();
  await once(server, 'close');
  return true;
}

/**
 * One message per port already taken, naming the variable that moves it, so a second
 * `npm start` (or another program on 8080) fails clearly instead of a child crash loop.
 */
export async function portsInUse(ports: Ports): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, port] of Object.entries(ports) as [keyof Ports, number][]) {
    if (!(await isFree(port))) {
      problems.push(`port ${port} (${name}) is already in use: stop what uses it or set ${VARIABLE[name]}`);
    }
  }
  return problems;
}

/** A TCP port nobody listens on right now, on 127.0.0.1 (tests and benchmarks). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** Six distinct free ports for a platform started beside others. */
export async function freePorts(): Promise<Ports> {
  const taken = new Set<number>();
  const next = async (): Promise<number> => {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  return {
    gateway: await next(),
    cotizador: await next(),
    gestor: await next(),
    dynalite: await next(),
    ses: await next(),
    metrics: await next(),
  };
}
