import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const INFRA_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The context `cdk synth` would give the app: cdk.json's context plus the
 * committed cdk.context.json (availability zones). `new App()` outside the CLI
 * reads neither, and without the AZs subnets silently get dummy zones.
 */
export function committedContext(): Record<string, unknown> {
  const read = (file: string): unknown => JSON.parse(readFileSync(`${INFRA_DIR}${file}`, 'utf8'));
  const cdkJson = read('cdk.json');
  const base = isRecord(cdkJson) && isRecord(cdkJson.context) ? cdkJson.context : {};
  const lookups = read('cdk.context.json');
  return { ...base, ...(isRecord(lookups) ? lookups : {}) };
}

export { INFRA_DIR };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
