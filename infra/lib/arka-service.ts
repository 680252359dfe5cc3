import {
  Duration,
  RemovalPolicy,
  Validations,
  aws_ec2 as ec2,
  aws_ecs as ecs,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from './config';

/** Checks /actuator/health with Node's own fetch: the slim image has no curl. */
export const HEALTH_CHECK_SCRIPT =
  "fetch('http://127.0.0.1:'+process.env.PORT+'/actuator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";

/** FARGATE base 2 keeps the minimum on on-demand capacity; the rest goes 4:1 to Spot. */
export const CAPACITY_PROVIDER_STRATEGY: ecs.CapacityProviderStrategy[] = [
  { capacityProvider: 'FARGATE', base: 2, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', weight: 4 },
];

export interface ArkaServiceProps {
  readonly cluster: ecs.ICluster;
  readonly serviceName: string;
  readonly image: ecs.ContainerImage;
  /** @default - the image's CMD */
  readonly command?: string[];
  /** Listening port; also enables the container health check. @default - no port (a worker) */
  readonly port?: number;
  /** Publishes the port under this Service Connect name. @default - client only */
  readonly serviceConnectName?: string;
  readonly environment: Record<string, string>;
  readonly secrets: Record<string, ecs.Secret>;
  readonly securityGroup: ec2.ISecurityGroup;
  readonly config: EnvironmentConfig;
}

/**
 * One Fargate service as the design wants every service: rolling deployments of
 * 75/200 % guarded by the circuit breaker with rollback, two tasks at least, its own
 * log group with retention, and CPU target tracking.
 */
export class ArkaService extends Construct {
  readonly service: ecs.FargateService;
  readonly scaling: ecs.ScalableTaskCount;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ArkaServiceProps) {
    super(scope, id);
    const { config } = props;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/arka/${config.envName}/${props.serviceName}`,
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const task = new ecs.FargateTaskDefinition(this, 'Task', {
      cpu: config.ecs.cpu,
      memoryLimitMiB: config.ecs.memoryMiB,
    });
    const port = props.port;
    task.addContainer('app', {
      containerName: props.serviceName,
      image: props.image,
      command: props.command,
      environment: { ...props.environment, ...(port === undefined ? {} : { PORT: String(port) }) },
      secrets: props.secrets,
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: props.serviceName }),
      portMappings:
        port === undefined ? [] : [{ name: 'http', containerPort: port, appProtocol: ecs.AppProtocol.http }],
      healthCheck:
        port === undefined
          ? undefined
          : {
              command: ['CMD', 'node', '-e', HEALTH_CHECK_SCRIPT],
              interval: Duration.seconds(30),
              timeout: Duration.seconds(5),
              retries: 3,
              startPeriod: Duration.seconds(30),
            },
      stopTimeout: Duration.seconds(30),
    });
    Validations.of(task).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        'Plain environment variables carry only non-secret settings; passwords and the JWT key come from Secrets Manager.',
    });

    this.service = new ecs.FargateService(this, 'Service', {
      cluster: props.cluster,
      serviceName: props.serviceName,
      taskDefinition: task,
      desiredCount: config.ecs.minTasks,
      minHealthyPercent: 75,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      capacityProviderStrategies: CAPACITY_PROVIDER_STRATEGY,
      securityGroups: [props.securityGroup],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
      propagateTags: ecs.PropagatedTagSource.SERVICE,
      serviceConnectConfiguration: {
        services:
          props.serviceConnectName === undefined || port === undefined
            ? undefined
            : // Each server needs its own Cloud Map name; the default (the port name "http") would collide.
              [
                {
                  portMappingName: 'http',
                  discoveryName: props.serviceConnectName,
                  dnsName: props.serviceConnectName,
                  port,
                },
              ],
        logDriver: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: 'service-connect' }),
      },
    });
    this.scaling = this.service.autoScaleTaskCount({
      minCapacity: config.ecs.minTasks,
      maxCapacity: config.ecs.maxTasks,
    });
    this.scaling.scaleOnCpuUtilization('Cpu', {
      targetUtilizationPercent: 60,
      scaleInCooldown: Duration.seconds(120),
      scaleOutCooldown: Duration.seconds(60),
    });
  }
}
