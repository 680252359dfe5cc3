import { processTree, rssBytes } from '../src/process-tree';

/** Samples the summed VmRSS of a process tree until stopped; reports the peak. */
export function sampleTreeRss(root: number, intervalMs = 250): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const total = processTree(root).reduce((sum, pid) => sum + rssBytes(pid), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
