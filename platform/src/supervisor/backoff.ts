/** Restart delays: 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s, so a crash loop does not eat the CPU. */
export function restartDelayMs(consecutiveCrashes: number, baseMs = 500, capMs = 10_000): number {
  const exponent = Math.max(0, consecutiveCrashes - 1);
  return Math.min(capMs, baseMs * 2 ** Math.min(exponent, 20));
}
