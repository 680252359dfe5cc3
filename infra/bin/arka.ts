import { App } from 'aws-cdk-lib';
import { buildArka } from '../lib/arka-app';

// `cdk synth|deploy -c env=dev|staging|prod`: one environment per invocation.
try {
  buildArka(new App());
} catch (error) {
  // A bad context is a usage error: print the message, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
