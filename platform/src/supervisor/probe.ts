import type { Readiness } from './child-spec';
import { httpStatus } from './http-status';

/** One readiness check over HTTP; any failure to answer counts as not ready yet. */
export async function probeHttp(
  readiness: Extract<Readiness, { kind: 'http' }>,
  timeoutMs: number,
): Promise<boolean> {
  const status = await httpStatus(readiness.url, timeoutMs);
  if (status === undefined) return false;
  return readiness.anyStatus === true || (status >= 200 && status < 300);
}
