import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * An HTTP proxy in front of a local API server that answers the next requests with
 * an AWS error (as a restJson1 service does: status, x-amzn-errortype, JSON message)
 * instead of forwarding them, so the real SDK error reaches the adapter.
 */
export interface FaultyProxy {
  readonly endpoint: string;
  /** The next `times` requests fail with this error. */
  failNext(times: number, error: { status: number; type: string; message: string }): void;
  close(): Promise<void>;
}

export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const faults: { status: number; type: string; message: string }[] = [];
  const targetUrl = new URL(target);

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const upstream = request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => res.destroy(error));
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const fault = faults.shift();
    if (fault === undefined) return forward(req, res);
    req.resume();
    res.writeHead(fault.status, { 'content-type': 'application/json', 'x-amzn-errortype': fault.type });
    res.end(JSON.stringify({ message: fault.message }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    failNext(times, error) {
      for (let i = 0; i < times; i++) faults.push(error);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
