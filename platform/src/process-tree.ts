import { readdirSync, readFileSync } from 'node:fs';

/** pid → parent pid, for every process visible in /proc (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name sits in parentheses and may contain spaces; fields follow the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

/** `root` and every process below it. */
export function processTree(root: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() ?? root;
    found.push(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return found;
}

/** Resident memory of one process in bytes (VmRSS), 0 when it is gone. */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Proportional resident memory of one process in bytes (Pss), 0 when it is gone:
 * its private pages plus its share of those it maps with others. Summed over a
 * tree, the pages of the node binary that every child maps count once, where the
 * sum of VmRSS counts them once per process.
 */
export function pssBytes(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}

/** The command line of a process, '' when it is gone. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/**
 * A process as (pid, start time in clock ticks since boot): unlike a bare PID it
 * cannot be mistaken for a later process that reuses the number.
 */
export interface ProcessIdentity {
  readonly pid: number;
  readonly startTicks: string;
}

function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/**
 * Which process `pid` is, as `<boot id>:<start ticks>`: unlike the PID alone it
 * differs for a later process given the same number, in this boot or after a
 * reboot. undefined where /proc does not tell (not Linux, or the process is gone).
 */
export function processStart(pid: number): string | undefined {
  const ticks = startTicks(pid);
  if (ticks === undefined) return undefined;
  try {
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${ticks}`;
  } catch {
    return undefined;
  }
}

export function identify(pids: readonly number[]): ProcessIdentity[] {
  return pids.flatMap((pid) => {
    const ticks = startTicks(pid);
    return ticks === undefined ? [] : [{ pid, startTicks: ticks }];
  });
}

/** Whether that very process still exists (a zombie counts as gone). */
export function stillRunning(process: ProcessIdentity): boolean {
  try {
    const stat = readFileSync(`/proc/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] === process.startTicks && fields[0] !== 'Z';
  } catch {
    return false;
  }
}
