import { App } from 'aws-cdk-lib';
import { committedContext } from './lib/app-context';
import { buildArka } from './lib/arka-app';
const t0 = Date.now();
const app = new App({ outdir: '/tmp/arka-t', context: { ...committedContext(), env: 'prod', 'aws:cdk:bundling-stacks': [] } });
buildArka(app);
const t1 = Date.now();
app.synth();
console.log('build', t1 - t0, 'synth', Date.now() - t1);
