/**
 * The benchmark's cotizador, in a process of its own as in any deployment: sharing
 * the gateway's event loop would charge the gateway for the cotizador's work.
 * Sends its address over IPC and closes on "stop".
 */
import { startCotizador } from '@arka/cotizador';

const cotizador = await startCotizador(process.env);
process.send?.({ address: cotizador.address });
process.on('message', (message) => {
  if (message === 'stop')
    void cotizador.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
