/**
 * The contract between the root runner (`npm run bench`) and each package's
 * benchmarks: a package exposes `bench/index.ts` exporting `run()`, which measures
 * its figures and a baseline in the same process and run, and returns rows.
 */
export interface BenchRow {
  /** Package or area, e.g. "cotizador". */
  readonly suite: string;
  /** What was measured, e.g. "quotes created over HTTP (50 clients)". */
  readonly name: string;
  readonly value: number;
  /** e.g. "req/s", "msg/s", "MB", "ms". */
  readonly unit: string;
  /** The baseline measured in the same run, when the figure is a ratio against one. */
  readonly baseline?: { readonly name: string; readonly value: number };
  /** The goal, in words, e.g. "≥ 20 % of baseline" or "< 150 MB". */
  readonly goal?: string;
  /** Whether the goal was met, when there is one. */
  readonly met?: boolean;
}

export type BenchSuite = () => Promise<readonly BenchRow[]>;
