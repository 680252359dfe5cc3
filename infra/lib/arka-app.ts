import { Tags, Validations, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ComputeStack } from './compute-stack';
import { DataStack } from './data-stack';
import { EdgeStack } from './edge-stack';
import { MessagingStack } from './messaging-stack';
import { NetworkStack } from './network-stack';
import { ObservabilityStack } from './observability-stack';
import { RegistryStack } from './registry-stack';
import { ServerlessStack } from './serverless-stack';
import { settingsFromContext, type ArkaSettings } from './settings';

export interface ArkaStacks {
  readonly settings: ArkaSettings;
  readonly network: NetworkStack;
  readonly registry: RegistryStack;
  readonly data: DataStack;
  readonly messaging: MessagingStack;
  readonly compute: ComputeStack;
  readonly serverless: ServerlessStack;
  readonly edge: EdgeStack;
  readonly observability: ObservabilityStack;
  readonly all: readonly Stack[];
}

/**
 * Builds every stack of one environment into `app` (from its context) and runs
 * cdk-nag AwsSolutions on all of them at synth time.
 */
export function buildArka(app: App): ArkaStacks {
  const settings = settingsFromContext(app.node);
  const Env = settings.env.charAt(0).toUpperCase() + settings.env.slice(1);
  const props = { settings, env: { account: settings.account, region: settings.region } };
  const stackId = (part: string) => `Arka-${Env}-${part}`;

  const network = new NetworkStack(app, stackId('Network'), props);
  const registry = new RegistryStack(app, stackId('Registry'), props);
  const data = new DataStack(app, stackId('Data'), props);
  data.addStackDependency(network, 'reads the VPC and security groups from SSM');
  const messaging = new MessagingStack(app, stackId('Messaging'), props);
  const compute = new ComputeStack(app, stackId('Compute'), props);
  for (const producer of [network, registry, data, messaging]) {
    compute.addStackDependency(producer, 'reads its SSM parameters and images');
  }

  const serverless = new ServerlessStack(app, stackId('Serverless'), props);
  serverless.addStackDependency(messaging, 'reads queue, topic and key from SSM');

  const edge = new EdgeStack(app, stackId('Edge'), props);
  edge.addStackDependency(compute, 'reads the ALB DNS name from SSM');
  const observability = new ObservabilityStack(app, stackId('Observability'), props);
  for (const producer of [messaging, compute, serverless, data]) {
    observability.addStackDependency(producer, 'alarms on its resources');
  }

  const all = [network, registry, data, messaging, compute, serverless, edge, observability];
  for (const stack of all) {
    Tags.of(stack).add('project', 'arka');
    Tags.of(stack).add('environment', settings.env);
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { settings, network, registry, data, messaging, compute, serverless, edge, observability, all };
}
