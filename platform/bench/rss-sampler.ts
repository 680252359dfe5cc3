import { commandLine, processTree, pssBytes, rssBytes } from '../src/process-tree';

export interface TreeRss {
  /** The highest summed VmRSS of the tree seen in one sample. */
  readonly peak: number;
  /** The highest summed Pss of the tree seen in one sample: shared pages (the node binary's) counted once. */
  readonly peakPss: number;
  /** Each process's own highest VmRSS (by a short label from its command line), largest first. */
  readonly byProcess: readonly { readonly label: string; readonly peak: number }[];
}

/**
 * A short name for a process of the platform tree: the bundle or script it runs
 * (`gateway`, `workers`, `supervisor`, `esbuild`…), else its command line.
 */
export function processLabel(command: string): string {
  if (/platform\/src\/start\.ts/.test(command)) return 'supervisor (tsx)';
  if (/platform\/bin\/start\.mjs/.test(command)) return 'supervisor';
  const bundle = /\/([\w-]+)\.mjs(\s|$)/.exec(command)?.[1];
  if (bundle !== undefined) return bundle;
  const source = /\/(?:src\/)?([\w-]+)\.(?:ts|js)(\s|$)/.exec(command);
  if (/dynalite/.test(command)) return 'dynalite';
  if (/aws-ses-v2-local/.test(command)) return 'ses';
  if (/esbuild/.test(command)) return 'esbuild';
  return source?.[1] ?? command.slice(0, 60);
}

/** Samples the summed VmRSS (and Pss) of a process tree until stopped; reports the peaks, and each process's RSS. */
export function sampleTreeRss(root: number, intervalMs = 250): { stop(): TreeRss } {
  let peak = 0;
  let peakPss = 0;
  const peaks = new Map<string, number>();
  const sample = () => {
    let total = 0;
    let totalPss = 0;
    for (const pid of processTree(root)) {
      const rss = rssBytes(pid);
      total += rss;
      totalPss += pssBytes(pid);
      // Read each time: right after a fork the command line is still the parent's.
      const label = processLabel(commandLine(pid));
      peaks.set(label, Math.max(peaks.get(label) ?? 0, rss));
    }
    peak = Math.max(peak, total);
    peakPss = Math.max(peakPss, totalPss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        peak,
        peakPss,
        byProcess: [...peaks.entries()]
          .map(([label, value]) => ({ label, peak: value }))
          .sort((a, b) => b.peak - a.peak),
      };
    },
  };
}
