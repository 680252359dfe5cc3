/**
 * The benchmark's server process: the real cotizador, as its container runs it
 * (an esbuild bundle on plain node), plus a hello-world route as the baseline.
 * Talks to the benchmark over IPC: sends its address, answers "rss" with its peak
 * resident set size, and closes on "stop".
 */
import { parseConfig } from '@arka/kernel';
import { configSchema } from '../src/config';
import { prepareCotizador } from '../src/runtime';

const send = (message: object) => process.send?.(message);
const config = parseConfig(configSchema, process.env);
const cotizador = await prepareCotizador(config);
cotizador.app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }));
const address = await cotizador.app.listen({ host: '127.0.0.1', port: 0 });
process.on('message', (message) => {
  if (message === 'rss') send({ maxRssKiB: process.resourceUsage().maxRSS });
  if (message === 'stop')
    void cotizador.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
send({ address });
