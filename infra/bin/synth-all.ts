import { rmSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { committedContext, INFRA_DIR } from '../lib/app-context';
import { buildArka } from '../lib/arka-app';
import { ENVIRONMENTS } from '../lib/config';
import { listAcknowledgements, readNagReport } from '../lib/nag-report';

// Offline: no credentials, no lookups, no telemetry.
process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

let failed = false;
for (const env of ENVIRONMENTS) {
  const outdir = `${INFRA_DIR}cdk.out/${env}`;
  rmSync(outdir, { recursive: true, force: true });
  try {
    const app = new App({ outdir, context: { ...committedContext(), env } });
    buildArka(app);
    const assembly = app.synth();
    const report = readNagReport(assembly.directory);
    for (const finding of report.open) console.error(`[${env}] ${finding}`);
    if (report.open.length > 0) throw new Error(`${report.open.length} unacknowledged cdk-nag finding(s)`);
    console.log(
      `${env}: ${assembly.stacks.length} stacks in ${outdir} (${listAcknowledgements(app).length} acknowledged findings, each with its reason)`,
    );
  } catch (error) {
    failed = true;
    console.error(`${env}: synth failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
