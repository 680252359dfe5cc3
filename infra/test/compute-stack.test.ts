import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../lib/compute-stack';
import { IMAGES } from '../lib/registry-stack';
import { synth } from './helpers/synth';

const CERT = 'arn:aws:acm:us-east-1:111111111111:certificate/0000';
const compute = (context?: Record<string, string>) => {
  const s = synth('dev', context === undefined ? {} : { context });
  return s.template(s.stacks.compute);
};
type Container = {
  Name: string;
  Environment: { Name: string; Value: unknown }[];
  Secrets: { Name: string; ValueFrom: unknown }[];
  Command?: string[];
};
const container = (name: string): Container => {
  const task = Object.values(compute().findResources('AWS::ECS::TaskDefinition')).find(
    (t) => t.Properties.ContainerDefinitions[0].Name === name,
  );
  const found: unknown = task?.Properties.ContainerDefinitions[0];
  if (found === undefined) throw new Error(`no container ${name}`);
  return found as Container;
};
const envOf = (name: string) => Object.fromEntries(container(name).Environment.map((e) => [e.Name, e.Value]));

describe('registry stack', () => {
  it('has one ECR repository per image, scanned on push, with immutable tags', () => {
    const s = synth('dev');
    const template = s.template(s.stacks.registry);

    for (const image of IMAGES) {
      template.hasResourceProperties('AWS::ECR::Repository', {
        RepositoryName: `arka/dev/${image}`,
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
      });
    }
    template.resourceCountIs('AWS::ECR::Repository', IMAGES.length);
  });
});

describe('compute stack', () => {
  it('has a cluster with container insights and the Fargate capacity providers', () => {
    const template = compute();

    template.hasResourceProperties('AWS::ECS::Cluster', {
      ClusterName: 'arka-dev',
      ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
    });
    template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: Match.arrayWith(['FARGATE', 'FARGATE_SPOT']),
    });
  });

  it.each(Object.values(SERVICE_NAMES))('runs %s with the deployment rules of the design', (serviceName) => {
    compute().hasResourceProperties('AWS::ECS::Service', {
      ServiceName: serviceName,
      DesiredCount: 2,
      CapacityProviderStrategy: [
        { CapacityProvider: 'FARGATE', Base: 2, Weight: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 4 },
      ],
      DeploymentConfiguration: Match.objectLike({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
        MinimumHealthyPercent: 75,
        MaximumPercent: 200,
      }),
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
      ServiceConnectConfiguration: Match.objectLike({ Enabled: true, Namespace: 'arka-dev.internal' }),
    });
  });

  it('puts only the gateway behind the ALB; the others are Service Connect servers or workers', () => {
    const services = Object.values(compute().findResources('AWS::ECS::Service'));
    const byName = (name: string) => services.find((s) => s.Properties.ServiceName === name)?.Properties;

    expect(byName('gateway').LoadBalancers).toEqual([expect.objectContaining({ ContainerPort: 8080 })]);
    for (const name of ['cotizador', 'gestor-solicitudes', 'solicitudes-dispatcher']) {
      expect(byName(name).LoadBalancers).toBeUndefined();
    }
    expect(byName('cotizador').ServiceConnectConfiguration.Services).toEqual([
      expect.objectContaining({
        PortName: 'http',
        DiscoveryName: 'cotizador',
        ClientAliases: [{ DnsName: 'cotizador', Port: 8081 }],
      }),
    ]);
    expect(byName('solicitudes-dispatcher').ServiceConnectConfiguration.Services).toBeUndefined();
  });

  it('checks targets on /actuator/health and drains them for 60 s', () => {
    compute().hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
      HealthCheckPath: '/actuator/health',
      Port: 8080,
      TargetType: 'ip',
      TargetGroupAttributes: Match.arrayWith([{ Key: 'deregistration_delay.timeout_seconds', Value: '60' }]),
    });
  });

  it('forwards to the gateway only requests with CloudFront origin-verify header, answering 403 otherwise', () => {
    const template = compute();

    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      DefaultActions: [
        { Type: 'fixed-response', FixedResponseConfig: Match.objectLike({ StatusCode: '403' }) },
      ],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 10,
      Conditions: [
        {
          Field: 'http-header',
          HttpHeaderConfig: {
            HttpHeaderName: 'X-Arka-Origin-Verify',
            Values: ['{{resolve:secretsmanager:arka/dev/origin-verify:SecretString:::}}'],
          },
        },
      ],
      Actions: [Match.objectLike({ Type: 'forward' })],
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'arka/dev/origin-verify' });
    const secretId = Object.keys(
      template.findResources('AWS::SecretsManager::Secret', {
        Properties: { Name: 'arka/dev/origin-verify' },
      }),
    )[0];
    const rule = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))[0];
    expect(rule?.DependsOn).toContain(secretId);
  });

  it('has an internet-facing ALB with access logs and an HTTP listener when no certificate is given', () => {
    const template = compute();

    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 80, Protocol: 'HTTP' });
  });

  it('listens on HTTPS with the certificate and redirects HTTP when a certificate is given', () => {
    const template = compute({ certificateArn: CERT, domainName: 'api.arka.example' });

    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: CERT }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80,
      DefaultActions: [
        Match.objectLike({ Type: 'redirect', RedirectConfig: Match.objectLike({ Port: '443' }) }),
      ],
    });
  });

  it('scales every service on CPU and the gateway on ALB requests per target', () => {
    const template = compute();
    const policies = Object.values(template.findResources('AWS::ApplicationAutoScaling::ScalingPolicy')).map(
      (p) =>
        p.Properties.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification
          .PredefinedMetricType,
    );

    expect(policies.filter((p) => p === 'ECSServiceAverageCPUUtilization')).toHaveLength(4);
    expect(policies.filter((p) => p === 'ALBRequestCountPerTarget')).toHaveLength(1);
    template.resourcePropertiesCountIs(
      'AWS::ApplicationAutoScaling::ScalableTarget',
      { MinCapacity: 2, MaxCapacity: 4 },
      4,
    );
  });

  it('writes each service log to its own group with retention', () => {
    for (const name of Object.values(SERVICE_NAMES)) {
      compute().hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/arka/dev/${name}`,
        RetentionInDays: 30,
      });
    }
  });

  it('generates a JWT signing secret of at least 32 bytes and injects it, never as plain text', () => {
    const template = compute();

    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'arka/dev/jwt-secret',
      GenerateSecretString: Match.objectLike({ PasswordLength: Match.anyValue() }),
    });
    const length = Object.values(template.findResources('AWS::SecretsManager::Secret')).find(
      (r) => r.Properties.Name === 'arka/dev/jwt-secret',
    )?.Properties.GenerateSecretString.PasswordLength;
    expect(length).toBeGreaterThanOrEqual(32);
    for (const name of Object.values(SERVICE_NAMES)) {
      expect(container(name).Secrets.map((s) => s.Name)).toContain('JWT_SECRET');
      expect(Object.keys(envOf(name))).not.toContain('JWT_SECRET');
    }
  });

  it('gives the cotizador and the gateway MySQL, their password from the secret field', () => {
    expect(envOf('cotizador')).toMatchObject({
      MYSQL_DATABASE: 'arka_cotizaciones',
      NODE_ENV: 'production',
      ARKA_ENV: 'dev',
    });
    expect(envOf('gateway')).toMatchObject({
      MYSQL_DATABASE: 'arka_gateway',
      COTIZADOR_URL: 'http://cotizador:8081',
      GESTOR_SOLICITUDES_URL: 'http://gestor-solicitudes:8082',
      JWT_ISSUER: 'arka-gateway',
      JWT_AUDIENCE: 'arka-api',
      PORT: '8080',
      HOST: '0.0.0.0',
    });
    const password = container('cotizador').Secrets.find((s) => s.Name === 'MYSQL_PASSWORD');
    expect(JSON.stringify(password?.ValueFrom)).toContain(':password::');
  });

  it('lets each execution role decrypt only its own store key to read the database secret', () => {
    const policies = compute().findResources('AWS::IAM::Policy');
    const statementsOf = (prefix: string) =>
      Object.entries(policies)
        .filter(([id]) => id.startsWith(`${prefix}TaskExecutionRole`))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const decryptKeys = (prefix: string) =>
      statementsOf(prefix)
        .filter((st: { Action: unknown }) => JSON.stringify(st.Action).includes('kms:Decrypt'))
        .map((st: { Resource: unknown }) => JSON.stringify(st.Resource));

    expect(decryptKeys('Cotizador')).toEqual([expect.stringContaining('datamysqlkeyarn')]);
    expect(decryptKeys('Dispatcher')).toEqual([expect.stringContaining('datadocdbkeyarn')]);
  });

  it('gives gestor-solicitudes and the dispatcher DocumentDB over TLS; the dispatcher runs its own command', () => {
    for (const name of ['gestor-solicitudes', 'solicitudes-dispatcher']) {
      expect(envOf(name)).toMatchObject({
        MONGODB_DATABASE: 'arka_solicitudes',
        MONGODB_TLS_CA_FILE: '/etc/ssl/certs/rds-global-bundle.pem',
        MESSAGING_DRIVER: 'aws',
      });
      expect(container(name).Secrets.map((s) => s.Name)).toEqual(
        expect.arrayContaining(['MONGODB_USER', 'MONGODB_PASSWORD']),
      );
    }
    expect(container('solicitudes-dispatcher').Command).toEqual(['node', 'dist/dispatcher-main.js']);
  });

  it('passes the topology to the services as JSON maps of topic ARNs and queue URLs', () => {
    const topicArns = JSON.stringify(envOf('cotizador').MESSAGING_TOPIC_ARNS);

    expect(topicArns).toContain('arka-notificaciones');
    expect(topicArns).toContain('arka-critical-alerts');
    expect(JSON.stringify(envOf('cotizador').MESSAGING_QUEUE_URLS)).toContain(
      'arka-notificaciones-processing',
    );
  });

  it('reads every value of another stack through SSM, not CloudFormation exports', () => {
    const template = compute().toJSON();

    expect(JSON.stringify(template)).not.toContain('Fn::ImportValue');
    expect(
      Object.keys(template.Parameters ?? {}).some((p) => p.startsWith('SsmParameterValuearkadevdata')),
    ).toBe(true);
  });
});
