import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * An HTTP proxy in front of a local API server that answers the next requests with
 * an AWS error (as a restJson1 service does: status, x-amzn-errortype, JSON message)
 * instead of forwarding them, so the real SDK error reaches the adapter.
 */
export interface AwsErrorAnswer {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

export interface FaultyProxy {
  readonly endpoint: string;
  /**
   * The next `times` requests fail with this error; with `whenBodyContains`, only
   * requests whose body contains that text (records may be processed concurrently).
   */
  failNext(times: number, error: AwsErrorAnswer, whenBodyContains?: string): void;
  close(): Promise<void>;
}

export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  const faults: { error: AwsErrorAnswer; match: string | undefined }[] = [];
  const targetUrl = new URL(target);

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse) => {
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
    upstream.end(body);
  };

  const takeFault = (body: string): AwsErrorAnswer | undefined => {
    const index = faults.findIndex((f) => f.match === undefined || body.includes(f.match));
    return index === -1 ? undefined : faults.splice(index, 1)[0]?.error;
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const body = Buffer.concat(chunks);
    const fault = takeFault(body.toString('utf8'));
    if (fault === undefined) return forward(req, body, res);
    res.writeHead(fault.status, {
      'content-type': 'application/json',
      'x-amzn-errortype': fault.type,
    });
    res.end(JSON.stringify({ message: fault.message }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    failNext(times, error, whenBodyContains) {
      for (let i = 0; i < times; i++) faults.push({ error, match: whenBodyContains });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
