/**
 * The benchmark's cotizador, in a process of its own as in any deployment: sharing
 * the gateway's event loop would charge the gateway for the cotizador's work.
 * Sends its address over IPC, answers "cpu" with the CPU time it has used (µs),
 * and closes on "stop".
 */
import { startCotizador } from '@arka/cotizador';

const send = (message: object) => process.send?.(message);
const cotizador = await startCotizador(process.env);
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ cpuMicros: user + system });
  }
  if (message === 'stop')
    void cotizador.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
send({ address: cotizador.address });
