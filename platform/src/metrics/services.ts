import type { LocalServiceStatus } from '@arka/metrics';
import type { ChildStatus } from '../supervisor/child-spec';

/**
 * The supervisor's processes as the metrics function's services: one per role, so a
 * process that hosts several (the workers: dispatcher and notifications; the AWS
 * stand-ins: dynalite and SES) still shows each as up, starting or down, with the
 * state of the process it lives in.
 */
export function servicesOf(processes: readonly ChildStatus[]): LocalServiceStatus[] {
  return processes.flatMap((p) =>
    p.parts.map((name) => ({ name, desired: p.desired, running: p.running, pending: p.pending })),
  );
}
