import type { Readiness } from './child-spec';

/** One readiness check over HTTP; any failure to answer counts as not ready yet. */
export async function probeHttp(
  readiness: Extract<Readiness, { kind: 'http' }>,
  timeoutMs: number,
): Promise<boolean> {
  try {
    const response = await fetch(readiness.url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return readiness.anyStatus === true || response.ok;
  } catch {
    return false;
  }
}
