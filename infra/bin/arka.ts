import { App } from 'aws-cdk-lib';
import { buildArka } from '../lib/arka-app';

// `cdk synth|deploy -c env=dev|staging|prod`: one environment per invocation.
buildArka(new App());
