import {
  Stack,
  Validations,
  aws_ecr as ecr,
  aws_ecs as ecs,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
  aws_servicediscovery as servicediscovery,
} from 'aws-cdk-lib';
import { QUEUE_NAMES, TOPIC_NAMES } from '@arka/messaging';
import type { Construct } from 'constructs';
import { ArkaService } from './arka-service';
import { MYSQL_DATABASE } from './data-stack';
import { ImportedMessaging } from './imported-messaging';
import { importNetwork, type ImportedNetwork } from './imported-network';
import { PublicLoadBalancer } from './load-balancer';
import { names } from './names';
import { ORIGIN_VERIFY_HEADER, originVerifySecretName, originVerifyValue } from './origin-verify';
import { SERVICE_PORTS } from './network-stack';
import { publishParameter, readParameter } from './parameters';
import { repositoryName, type ImageName } from './registry-stack';
import type { ArkaSettings, ArkaStackProps } from './settings';

export const SERVICE_NAMES = {
  gateway: 'gateway',
  cotizador: 'cotizador',
  gestorSolicitudes: 'gestor-solicitudes',
  dispatcher: 'solicitudes-dispatcher',
} as const;
export const GATEWAY_DATABASE = 'arka_gateway';
export const SOLICITUDES_DATABASE = 'arka_solicitudes';
export const RDS_CA_BUNDLE_PATH = '/etc/ssl/certs/rds-global-bundle.pem';
export const DISPATCHER_COMMAND = ['node', 'dist/dispatcher-main.js'];

/**
 * The ECS cluster, the four services, the ALB in front of the gateway and the
 * JWT signing secret. Databases, queues and topics come in through SSM.
 */
export class ComputeStack extends Stack {
  readonly services: Record<keyof typeof SERVICE_NAMES, ArkaService>;

  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const { env, config } = settings;
    const network = importNetwork(this, env, ['public', 'private']);
    const servicesGroup = network.securityGroup('services');
    const messaging = new ImportedMessaging(this, env);

    const cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: names.cluster(env),
      vpc: network.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
      enableFargateCapacityProviders: true,
      defaultCloudMapNamespace: {
        name: names.serviceConnectNamespace(env),
        type: servicediscovery.NamespaceType.HTTP,
        useForServiceConnect: true,
      },
    });

    const originVerify = new secretsmanager.Secret(this, 'OriginVerify', {
      secretName: originVerifySecretName(env),
      description: `Value of the ${ORIGIN_VERIFY_HEADER} header CloudFront sends to the ALB`,
      generateSecretString: { passwordLength: 40, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(originVerify).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'CloudFront and the ALB must switch values together; rotated by redeploying both stacks (infra/README.md).',
    });
    const jwtSecret = new secretsmanager.Secret(this, 'JwtSecret', {
      secretName: `arka/${env}/jwt-secret`,
      description: 'HS256 signing key of the gateway (64 alphanumerics, about 380 bits)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(jwtSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the signing key would invalidate every live token at once; it is rotated by the runbook in infra/README.md.',
    });
    const dbSecret = (store: 'mysql' | 'docdb') => ({
      secret: secretsmanager.Secret.fromSecretCompleteArn(
        this,
        `${store}-secret`,
        readParameter(this, env, `data/${store}-secret-arn`),
      ),
      key: kms.Key.fromKeyArn(this, `${store}-key`, readParameter(this, env, `data/${store}-key-arn`)),
    });
    const mysql = dbSecret('mysql');
    const docdb = dbSecret('docdb');

    const common = {
      NODE_ENV: 'production',
      ARKA_ENV: env,
      // The services bind 127.0.0.1 by default; in a task the ALB and Service Connect reach them from outside.
      HOST: '0.0.0.0',
      LOG_LEVEL: env === 'prod' ? 'info' : 'debug',
      JWT_ISSUER: 'arka-gateway',
      JWT_AUDIENCE: 'arka-api',
      AWS_REGION: this.region,
      MESSAGING_DRIVER: 'aws',
      MESSAGING_TOPIC_ARNS: messaging.topicArnsJson(),
      MESSAGING_QUEUE_URLS: messaging.queueUrlsJson(),
    };
    const mysqlEnv = (database: string) => ({
      MYSQL_HOST: readParameter(this, env, 'data/mysql-host'),
      MYSQL_PORT: readParameter(this, env, 'data/mysql-port'),
      MYSQL_DATABASE: database,
    });
    const mongoEnv = {
      MONGODB_HOST: readParameter(this, env, 'data/docdb-host'),
      MONGODB_PORT: readParameter(this, env, 'data/docdb-port'),
      MONGODB_DATABASE: SOLICITUDES_DATABASE,
      MONGODB_TLS_CA_FILE: RDS_CA_BUNDLE_PATH,
    };
    const jwt = { JWT_SECRET: ecs.Secret.fromSecretsManager(jwtSecret) };
    const mysqlSecrets = {
      MYSQL_USER: ecs.Secret.fromSecretsManager(mysql.secret, 'username'),
      MYSQL_PASSWORD: ecs.Secret.fromSecretsManager(mysql.secret, 'password'),
    };
    const mongoSecrets = {
      MONGODB_USER: ecs.Secret.fromSecretsManager(docdb.secret, 'username'),
      MONGODB_PASSWORD: ecs.Secret.fromSecretsManager(docdb.secret, 'password'),
    };
    const repositories = new Map<ImageName, ecr.IRepository>();
    const image = (name: ImageName) => {
      const repository =
        repositories.get(name) ??
        ecr.Repository.fromRepositoryName(this, `Repo-${name}`, repositoryName(name, env));
      repositories.set(name, repository);
      return ecs.ContainerImage.fromEcrRepository(repository, settings.imageTag);
    };
    const base = { cluster, securityGroup: servicesGroup, config };
    const connect = (name: string, port: number) => `http://${name}:${port}`;

    const cotizador = new ArkaService(this, 'Cotizador', {
      ...base,
      serviceName: SERVICE_NAMES.cotizador,
      image: image('cotizador'),
      port: SERVICE_PORTS.cotizador,
      serviceConnectName: SERVICE_NAMES.cotizador,
      environment: { ...common, ...mysqlEnv(MYSQL_DATABASE) },
      secrets: { ...jwt, ...mysqlSecrets },
    });
    const gestorSolicitudes = new ArkaService(this, 'GestorSolicitudes', {
      ...base,
      serviceName: SERVICE_NAMES.gestorSolicitudes,
      image: image('gestor-solicitudes'),
      port: SERVICE_PORTS.gestorSolicitudes,
      serviceConnectName: SERVICE_NAMES.gestorSolicitudes,
      environment: { ...common, ...mongoEnv },
      secrets: { ...jwt, ...mongoSecrets },
    });
    const dispatcher = new ArkaService(this, 'Dispatcher', {
      ...base,
      serviceName: SERVICE_NAMES.dispatcher,
      image: image('gestor-solicitudes'),
      command: DISPATCHER_COMMAND,
      environment: { ...common, ...mongoEnv },
      secrets: { ...jwt, ...mongoSecrets },
    });
    const gateway = new ArkaService(this, 'Gateway', {
      ...base,
      serviceName: SERVICE_NAMES.gateway,
      image: image('gateway'),
      port: SERVICE_PORTS.gateway,
      environment: {
        ...common,
        ...mysqlEnv(GATEWAY_DATABASE),
        COTIZADOR_URL: connect(SERVICE_NAMES.cotizador, SERVICE_PORTS.cotizador),
        GESTOR_SOLICITUDES_URL: connect(SERVICE_NAMES.gestorSolicitudes, SERVICE_PORTS.gestorSolicitudes),
        CORS_ORIGINS: settings.corsOrigins,
        // Only the ALB (inside the VPC) is believed; it and CloudFront each append to X-Forwarded-For.
        TRUSTED_PROXY_CIDRS: '10.0.0.0/16',
        TRUSTED_PROXY_HOPS: '2',
      },
      secrets: { ...jwt, ...mysqlSecrets },
    });
    // The servers must be registered in Service Connect before the gateway resolves them.
    gateway.service.node.addDependency(cotizador.service, gestorSolicitudes.service);
    this.services = { gateway, cotizador, gestorSolicitudes, dispatcher };

    // The database secrets are encrypted with their store's key; ECS decrypts them when starting a task.
    for (const service of [cotizador, gateway])
      mysql.key.grantDecrypt(service.service.taskDefinition.obtainExecutionRole());
    for (const service of [gestorSolicitudes, dispatcher]) {
      docdb.key.grantDecrypt(service.service.taskDefinition.obtainExecutionRole());
    }
    for (const service of Object.values(this.services)) acknowledgeGrantWildcards(service);

    const notificaciones = messaging.topic(TOPIC_NAMES.notificaciones);
    for (const service of [cotizador, gestorSolicitudes, dispatcher]) {
      notificaciones.grantPublish(service.service.taskDefinition.taskRole);
    }
    messaging.queue(QUEUE_NAMES.cotizaciones).grantSendMessages(cotizador.service.taskDefinition.taskRole);
    messaging.queue(QUEUE_NAMES.cotizaciones).grantConsumeMessages(cotizador.service.taskDefinition.taskRole);
    messaging
      .queue(QUEUE_NAMES.solicitudes)
      .grantSendMessages(gestorSolicitudes.service.taskDefinition.taskRole);
    messaging.queue(QUEUE_NAMES.solicitudes).grantConsumeMessages(dispatcher.service.taskDefinition.taskRole);

    this.addLoadBalancer(settings, gateway, network, originVerify);
    publishParameter(this, env, 'compute/cluster-name', cluster.clusterName, 'ECS cluster name');
  }

  private addLoadBalancer(
    settings: ArkaSettings,
    gateway: ArkaService,
    network: ImportedNetwork,
    originVerify: secretsmanager.ISecret,
  ): void {
    const { env, config } = settings;
    const lb = new PublicLoadBalancer(this, 'Public', {
      vpc: network.vpc,
      securityGroup: network.securityGroup('alb'),
      certificateArn: settings.certificateArn,
      originVerifyValue: originVerifyValue(env),
      retainLogs: config.retainOnDelete,
    });
    // The listener rule resolves the secret by name: CloudFormation must create the secret first.
    lb.node.addDependency(originVerify);
    const targets = lb.targetGroup('GatewayTargets', SERVICE_PORTS.gateway);
    gateway.service.attachToApplicationTargetGroup(targets);
    lb.forwardFromCloudFront('Gateway', [targets]);
    gateway.scaling.scaleOnRequestCount('Requests', {
      requestsPerTarget: config.ecs.requestsPerTarget,
      targetGroup: targets,
    });

    const publish = (key: `compute/${string}`, value: string, what: string) =>
      publishParameter(this, env, key, value, what);
    publish(
      'compute/alb-dns-name',
      lb.alb.loadBalancerDnsName,
      'DNS name of the public ALB (CloudFront origin)',
    );
    publish('compute/alb-full-name', lb.alb.loadBalancerFullName, 'ALB dimension of its CloudWatch metrics');
    publish(
      'compute/gateway-target-group-full-name',
      targets.targetGroupFullName,
      'target group dimension of its metrics',
    );
  }
}

function acknowledgeGrantWildcards(service: ArkaService): void {
  const task = service.service.taskDefinition;
  Validations.of(task.obtainExecutionRole()).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'ecr:GetAuthorizationToken supports no resource-level permission; every other statement names its resource.',
  });
  for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) {
    Validations.of(task.taskRole).acknowledge({
      id: `AwsSolutions-IAM5[Action::${action}]`,
      reason:
        'Action family granted by the CDK queue/topic grant methods, limited to the one messaging KMS key.',
    });
  }
}
