import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll } from 'vitest';
import { committedContext } from '../../lib/app-context';
import { buildArka, type ArkaStacks } from '../../lib/arka-app';
import type { EnvName } from '../../lib/config';

export interface Synthesized {
  readonly app: App;
  readonly stacks: ArkaStacks;
  readonly assembly: CloudAssembly;
  template(stack: Stack): Template;
}

export interface SynthOptions {
  /** Extra `-c key=value` context. */
  readonly context?: Record<string, string>;
  /**
   * Run esbuild for the functions. Off by default: CDK's own `aws:cdk:bundling-stacks`
   * context (what `cdk deploy --exclusively` uses) skips it; serverless-stack.test.ts bundles for real.
   */
  readonly bundle?: boolean;
}

const cache = new Map<string, Synthesized>();
const tempDirs: string[] = [];

/** A temporary directory removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  cache.clear();
});

/**
 * Synthesizes one environment the way `cdk synth -c env=…` does (committed
 * context, cdk-nag on), once per test file and option set. CDK's generic
 * CloudFormation linter is left to `npm run synth`: it is slow and not the design.
 */
export function synth(env: EnvName, options: SynthOptions = {}): Synthesized {
  const key = JSON.stringify([env, options]);
  const known = cache.get(key);
  if (known !== undefined) return known;
  const app = new App({
    outdir: tempDir(`arka-infra-${env}-`),
    builtinCloudFormationValidation: false,
    context: {
      ...committedContext(),
      ...(options.bundle === true ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
      env,
    },
  });
  const stacks = buildArka(app);
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  const result: Synthesized = {
    app,
    stacks,
    assembly,
    template(stack) {
      const cached = templates.get(stack) ?? Template.fromStack(stack);
      templates.set(stack, cached);
      return cached;
    },
  };
  cache.set(key, result);
  return result;
}

export const ENVS = ['dev', 'staging', 'prod'] as const;
