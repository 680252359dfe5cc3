// The baseline of the platform benchmark: a minimal Fastify hello world in its own
// process on 127.0.0.1 (PORT), as a service would run, so client and server share
// the machine the same way as in the measured run.
import Fastify from 'fastify';
import process from 'node:process';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.send?.({ type: 'ready' });
