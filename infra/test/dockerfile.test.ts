import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INFRA_DIR } from '../lib/app-context';
import { HEALTH_CHECK_SCRIPT } from '../lib/arka-service';
import { DISPATCHER_COMMAND } from '../lib/compute-stack';

const dockerfile = readFileSync(`${INFRA_DIR}docker/service.Dockerfile`, 'utf8');
const dockerignore = readFileSync(`${INFRA_DIR}docker/service.Dockerfile.dockerignore`, 'utf8');
// Instructions with their continuation lines joined, comments dropped.
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const stages = instructions.reduce<string[][]>((acc, line) => {
  if (line.startsWith('FROM ')) acc.push([]);
  acc.at(-1)?.push(line);
  return acc;
}, []);
const runtime = stages.at(-1) ?? [];

describe('service Dockerfile', () => {
  it('is multi-stage and runs on node:20-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(instructions).toContain('ARG NODE_IMAGE=node:20-slim');
    expect(runtime[0]).toBe('FROM ${NODE_IMAGE} AS runtime');
  });

  it('bundles the entries with esbuild and keeps the native modules external', () => {
    const bundle = instructions.find((line) => line.includes('npx esbuild')) ?? '';

    expect(bundle).toContain('--bundle --platform=node --target=node20');
    expect(bundle).toContain('--external:better-sqlite3 --external:argon2');
  });

  it('ships production dependencies only, and no compilers, in the runtime stage', () => {
    expect(instructions.some((line) => /npm ci .*--omit=dev/.test(line))).toBe(true);
    expect(runtime.some((line) => line.startsWith('COPY --from=production-deps'))).toBe(true);
    expect(runtime.join('\n')).not.toMatch(/apt-get|npm (ci|install)|g\+\+/);
  });

  it('runs as the non-root node user', () => {
    const user = runtime.filter((line) => line.startsWith('USER '));

    expect(user).toEqual(['USER node']);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.findIndex((line) => line.startsWith('CMD ')));
  });

  it('checks /actuator/health with node fetch (no curl in slim), the same probe as the ECS task', () => {
    const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK ')) ?? '';

    expect(healthcheck).toContain(JSON.stringify(HEALTH_CHECK_SCRIPT));
    expect(HEALTH_CHECK_SCRIPT).toContain("'/actuator/health'");
    expect(dockerfile).not.toContain('curl');
  });

  it('listens on all interfaces and builds the entry the dispatcher command runs', () => {
    expect(runtime.join('\n')).toContain('HOST=0.0.0.0');
    expect(DISPATCHER_COMMAND).toEqual(['node', 'dist/dispatcher-main.js']);
    expect(dockerfile).toContain('ENTRIES="main.ts dispatcher-main.ts"');
  });

  it('ships the RDS CA bundle where MONGODB_TLS_CA_FILE points', () => {
    expect(runtime.some((line) => line.includes('/etc/ssl/certs/rds-global-bundle.pem'))).toBe(true);
  });

  it('keeps node_modules and git out of the build context', () => {
    expect(dockerignore).toMatch(/^\*\*\/node_modules$/m);
    expect(dockerignore).toMatch(/^\.git$/m);
    expect(dockerignore).toMatch(/^!infra\/package\.json$/m);
  });
});
