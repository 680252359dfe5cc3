import { createAccessTokenVerifier, type AccessTokenVerifier } from '@arka/kernel';
import Fastify, { type FastifyInstance } from 'fastify';
import { TEST_SECRET } from './harness';

export interface FakeUpstream {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** A small service on 127.0.0.1, on a free port; the test registers its routes in `setup`. */
export async function startFakeUpstream(
  setup: (app: FastifyInstance, verifier: AccessTokenVerifier) => void | Promise<void>,
): Promise<FakeUpstream> {
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  const verifier = createAccessTokenVerifier({
    secret: TEST_SECRET,
    issuer: 'arka-gateway',
    audience: 'arka-api',
  });
  await setup(app, verifier);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, close: () => app.close() };
}

/** Echoes what arrived: method, url, headers and the body bytes (base64). */
export function echoRoutes(prefix: string) {
  return (app: FastifyInstance) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    app.all(`${prefix}/*`, async (request) => ({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: Buffer.isBuffer(request.body) ? request.body.toString('base64') : null,
    }));
  };
}
