/**
 * The benchmark's gateway process: the real gateway, as its container runs it (an
 * esbuild bundle on plain node), so the figure is the gateway's own and not tsx's
 * or the benchmark runner's. Talks to the benchmark over IPC: sends its address,
 * answers "cpu" with the CPU time it has used (µs), and closes on "stop".
 */
import { startGateway } from '../src/gateway';

const send = (message: object) => process.send?.(message);
const gateway = await startGateway(process.env, { print: () => undefined });
process.on('message', (message) => {
  if (message === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ cpuMicros: user + system });
  }
  if (message === 'stop')
    void gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
send({ address: gateway.address });
