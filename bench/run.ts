/**
 * `npm run bench`: runs every package's benchmark (each `<pkg>/bench/index.ts`
 * exporting `run`), prints each suite as it finishes, and ends with one summary
 * table. `npm run bench -- cotizador gateway` runs only the named suites.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './types';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

function suites(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  for (const group of ['packages', 'services', 'functions']) {
    const dir = join(root, group);
    if (!existsSync(dir)) continue;
    for (const pkg of readdirSync(dir).sort()) {
      const file = join(dir, pkg, 'bench', 'index.ts');
      if (existsSync(file)) found.push({ name: pkg, file });
    }
  }
  const platformBench = join(root, 'platform', 'bench', 'index.ts');
  if (existsSync(platformBench)) found.push({ name: 'platform', file: platformBench });
  // The platform benchmark starts everything; it runs last so it does not disturb the others.
  return found
    .filter((s) => only.length === 0 || only.includes(s.name))
    .sort((a, b) => Number(a.name === 'platform') - Number(b.name === 'platform'));
}

function format(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function rowText(r: BenchRow): string[] {
  const ratio = r.baseline
    ? `${((r.value / r.baseline.value) * 100).toFixed(1)} % of ${r.baseline.name} (${format(r.baseline.value)} ${r.unit})`
    : '';
  const goal = r.goal ? `${r.goal} ${r.met === undefined ? '' : r.met ? '✔' : '✘'}` : '';
  return [r.suite, r.name, `${format(r.value)} ${r.unit}`, ratio, goal.trim()];
}

function printTable(rows: BenchRow[]): void {
  const head = ['suite', 'measure', 'value', 'vs baseline (same run)', 'goal'];
  const body = rows.map(rowText);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ');
  console.log(line(head));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const b of body) console.log(line(b));
}

const all: BenchRow[] = [];
const failed: string[] = [];
for (const suite of suites()) {
  console.log(`\n▶ ${suite.name}: running…`);
  try {
    const mod = (await import(pathToFileURL(suite.file).href)) as { run: BenchSuite };
    const rows = await mod.run();
    printTable([...rows]);
    all.push(...rows);
  } catch (error) {
    failed.push(suite.name);
    console.error(`✘ ${suite.name} failed:`, error);
  }
}
console.log('\n═══ Summary of every benchmark ═══');
printTable(all);
if (failed.length > 0) {
  console.error(`\nfailed suites: ${failed.join(', ')}`);
  process.exitCode = 1;
}
