import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpStatus } from '../src/supervisor/http-status';
import { freePort } from './helpers/ports';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the supervisor’s HTTP probe', () => {
  it('answers with the status of the response, whatever it is', async () => {
    // Prepare
    const url = await serve((_request, response) => response.writeHead(503).end('starting'));

    // Act
    const status = await httpStatus(`${url}/actuator/health`, 1_000);

    // Assess
    expect(status).toBe(503);
  });

  it('answers undefined when nothing listens', async () => {
    // Act
    const status = await httpStatus(`http://127.0.0.1:${await freePort()}/`, 1_000);

    // Assess
    expect(status).toBeUndefined();
  });

  it('gives up on a server that accepts but does not answer in time', async () => {
    // Prepare
    const url = await serve(() => undefined);

    // Act
    const status = await httpStatus(url, 100);

    // Assess
    expect(status).toBeUndefined();
  });
});
