import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** One cdk-nag finding on one construct, as written to the cloud assembly's validation report. */
export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
  readonly description: string;
  toString(): string;
}

export interface NagReport {
  /** Findings nobody acknowledged (cdk-nag leaves acknowledged ones out of the report). */
  readonly open: readonly NagFinding[];
}

/** One `Validations.of(x).acknowledge()` call found in the construct tree. */
export interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

const PLUGIN = 'AwsSolutions';
const REPORT_FILE = 'validation-report.json';

/**
 * Reads the AwsSolutions findings of a synthesized assembly. Warnings count as
 * open findings too: CDK only fails the synth on errors, we want neither.
 */
export function readNagReport(assemblyDir: string): NagReport {
  const file = join(assemblyDir, REPORT_FILE);
  // CDK writes no report when no plugin has anything to say.
  if (!existsSync(file)) return { open: [] };
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const open: NagFinding[] = [];
  for (const plugin of list(field(parsed, 'pluginReports'))) {
    if (field(plugin, 'pluginName') !== PLUGIN) continue;
    open.push(...list(field(plugin, 'violations')).flatMap((v) => findings(v)));
  }
  return { open };
}

/** Every acknowledgement recorded under `root`, with the reason given for it. */
export function listAcknowledgements(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(typeof entry.data === 'object' && entry.data !== null ? entry.data : {}).map(
          ([id, reason]) => ({
            path: construct.node.path,
            id,
            reason: typeof reason === 'string' ? reason : '',
          }),
        ),
      ),
  );
}

function findings(violation: unknown): NagFinding[] {
  const rule = String(field(violation, 'acknowledgedId') ?? field(violation, 'ruleName'));
  const severity = String(field(violation, 'severity'));
  const description = String(field(violation, 'description'));
  return list(field(violation, 'violatingConstructs')).map((construct) => {
    const path = String(field(construct, 'constructPath'));
    return {
      rule,
      severity,
      path,
      description,
      toString: () => `${severity} ${rule} at ${path}: ${description}`,
    };
  });
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
