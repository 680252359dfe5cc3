import type { MetricsSink } from '../../application/ports';
import { METRIC_CATALOGUE, type Metric, type MetricBatch } from '../../domain/metric';

/** Content type of the Prometheus text exposition format, for the `/metrics` route. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export interface PrometheusSink extends MetricsSink {
  /** The latest run's metrics in the text exposition format; empty before the first run. */
  render(): string;
  /** When the latest published run was stamped, if any. */
  lastTimestamp(): Date | undefined;
}

/**
 * Keeps the latest run's metrics (a run replaces the previous one whole, so a
 * service that disappeared stops being exposed) and renders them as gauges.
 */
export function createPrometheusSink(): PrometheusSink {
  let latest: MetricBatch | undefined;
  return {
    async publish(batch) {
      latest = batch;
    },
    render: () => (latest === undefined ? '' : renderExposition(latest.metrics)),
    lastTimestamp: () => latest?.timestamp,
  };
}

export function renderExposition(metrics: readonly Metric[]): string {
  const byName = new Map<string, Metric[]>();
  for (const m of metrics) byName.set(m.name, [...(byName.get(m.name) ?? []), m]);

  const lines: string[] = [];
  // Catalogue order, so the page reads the same from run to run.
  for (const [name, { prometheusName, help }] of Object.entries(METRIC_CATALOGUE)) {
    const samples = byName.get(name);
    if (samples === undefined) continue;
    lines.push(`# HELP ${prometheusName} ${escapeHelp(help)}`, `# TYPE ${prometheusName} gauge`);
    for (const sample of samples)
      lines.push(`${prometheusName}${labels(sample)} ${formatValue(sample.value)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function labels(sample: Metric): string {
  const pairs = Object.entries(sample.dimensions).map(([n, v]) => `${labelName(n)}="${escapeLabelValue(v)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** `DBInstanceIdentifier` → `db_instance_identifier`, `ServiceName` → `service_name`. */
export function labelName(dimension: string): string {
  const snake = dimension
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  return /^[0-9]/.test(snake) ? `_${snake}` : snake;
}

export const escapeLabelValue = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const escapeHelp = (help: string): string => help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
