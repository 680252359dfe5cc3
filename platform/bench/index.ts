/**
 * The platform benchmark: the whole platform started as `npm start` starts it, quotes
 * created through the gateway by 50 concurrent clients for 20 s, beside a Fastify
 * hello world measured in the same run (5 s before the quotes, the platform idle, and
 * 5 s after it stopped; the mean of both), and the peak memory of the whole process tree.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchRow } from '../../bench/types';
import { catalog } from '../src/flow/cotizacion-steps';
import { login } from '../src/flow/gateway-client';
import { tokenPair } from '../src/flow/schemas';
import { launchPlatform } from '../src/launcher';
import { freePort, freePorts } from '../src/ports-free';
import { load, type LoadResult } from './load';
import { sampleTreeRss, type TreeRss } from './rss-sampler';

const CONNECTIONS = 50;
const QUOTE_SECONDS = 20;
/** Half before the quotes and half after, so drift in the machine's load weighs on both sides alike. */
const BASELINE_SECONDS = 5;
const PASSWORD = 'bench-demo-password';
const MB = 1024 * 1024;

async function helloWorld(): Promise<LoadResult> {
  const port = await freePort();
  const server = fork(join(import.meta.dirname, 'hello-server.mjs'), [], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await once(server, 'message');
    return await load({
      url: `http://127.0.0.1:${port}/`,
      connections: CONNECTIONS,
      durationSeconds: BASELINE_SECONDS,
    });
  } finally {
    const exited = once(server, 'exit');
    if (server.pid !== undefined) process.kill(server.pid, 'SIGTERM');
    await exited;
  }
}

export async function run(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'arka-bench-'));
  let starting: { stop(): TreeRss } | undefined;
  const platform = await launchPlatform({
    dataDir,
    ports: await freePorts(),
    password: PASSWORD,
    // One token drives all 50 connections; the gateway's per-client limit would answer 429.
    env: { GATEWAY_RATE_LIMIT_MAX: '100000000' },
    onSpawn: (pid) => (starting = sampleTreeRss(pid)),
  }).finally(() => starting?.stop());
  const startPeak = starting?.stop().peak ?? 0;
  const serving = sampleTreeRss(platform.pid);
  let quotes: LoadResult;
  let helloBefore: LoadResult;
  let peakRss: number;
  let peakPss: number;
  let byProcess: TreeRss['byProcess'];
  try {
    const cliente = await login(platform.endpoints.gateway, 'cliente1', PASSWORD, tokenPair);
    const products = await catalog(cliente, 2);
    helloBefore = await helloWorld();
    quotes = await load({
      url: `${platform.endpoints.gateway}/api/v1/cotizador/cotizaciones`,
      method: 'POST',
      connections: CONNECTIONS,
      durationSeconds: QUOTE_SECONDS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cliente.accessToken}` },
      body: JSON.stringify({
        clienteId: 'CLI001',
        productos: products.map((p) => ({ productoId: p.id, cantidad: 3 })),
      }),
    });
    ({ peak: peakRss, peakPss, byProcess } = serving.stop());
  } finally {
    serving.stop();
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // Once the platform has stopped: the backlog of notifications it still works through
  // after the quotes would otherwise slow the hello world down and flatter the ratio.
  const helloAfter = await helloWorld();
  const helloRate = (helloBefore.requestsPerSecond + helloAfter.requestsPerSecond) / 2;
  const helloRates = [helloBefore, helloAfter].map((h) =>
    Math.round(h.requestsPerSecond).toLocaleString('en-US'),
  );
  console.log(
    `platform bench: peak RSS per process while serving: ${byProcess
      .map((p) => `${p.label} ${Math.round(p.peak / MB)}`)
      .join(', ')} (MB)`,
  );
  if (quotes.failed > 0) console.warn(`platform bench: ${quotes.failed} quote requests failed (not counted)`);
  const ratio = quotes.requestsPerSecond / helloRate;
  return [
    {
      suite: 'platform',
      name: `quotes created through the gateway (${CONNECTIONS} clients, ${QUOTE_SECONDS} s)`,
      value: quotes.requestsPerSecond,
      unit: 'req/s',
      baseline: {
        name: `Fastify hello world, own process, mean of ${helloRates.join(' before and ')} after`,
        value: helloRate,
      },
      goal: '≥ 10 % of baseline',
      met: ratio >= 0.1,
    },
    { suite: 'platform', name: 'quote creation latency p50', value: quotes.p50Ms, unit: 'ms' },
    { suite: 'platform', name: 'quote creation latency p99', value: quotes.p99Ms, unit: 'ms' },
    {
      suite: 'platform',
      name: 'peak RSS of the whole platform, serving under load (supervisor and children)',
      value: peakRss / MB,
      unit: 'MB',
      goal: '< 500 MB',
      met: peakRss / MB < 500,
    },
    {
      suite: 'platform',
      name: 'peak proportional memory (Pss) of the whole platform, serving under load: pages shared between processes counted once',
      value: peakPss / MB,
      unit: 'MB',
    },
    {
      suite: 'platform',
      name: 'peak RSS of the whole platform while starting (bundling included)',
      value: startPeak / MB,
      unit: 'MB',
    },
  ];
}
