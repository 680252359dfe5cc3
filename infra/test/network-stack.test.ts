import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENVS, synth } from './helpers/synth';

const network = (env: (typeof ENVS)[number]) => {
  const s = synth(env);
  return s.template(s.stacks.network);
};

describe('network stack', () => {
  it('has the VPC 10.0.0.0/16 with exactly the six subnet CIDRs of the design in two AZs', () => {
    const template = network('dev');

    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const subnets = Object.values(template.findResources('AWS::EC2::Subnet')).map((r) => ({
      cidr: r.Properties.CidrBlock,
      az: r.Properties.AvailabilityZone,
      public: r.Properties.MapPublicIpOnLaunch,
    }));
    expect(subnets).toEqual(
      expect.arrayContaining([
        { cidr: '10.0.1.0/24', az: 'us-east-1a', public: true },
        { cidr: '10.0.2.0/24', az: 'us-east-1b', public: true },
        { cidr: '10.0.3.0/24', az: 'us-east-1a', public: false },
        { cidr: '10.0.4.0/24', az: 'us-east-1b', public: false },
        { cidr: '10.0.5.0/24', az: 'us-east-1a', public: false },
        { cidr: '10.0.6.0/24', az: 'us-east-1b', public: false },
      ]),
    );
    expect(subnets).toHaveLength(6);
  });

  it.each([
    ['dev', 1],
    ['staging', 1],
    ['prod', 2],
  ] as const)('runs %s with %i NAT gateway(s)', (env, count) => {
    network(env).resourceCountIs('AWS::EC2::NatGateway', count);
  });

  it('sends every flow of the VPC to a log group with retention', () => {
    const template = network('dev');

    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('has gateway endpoints for S3 and DynamoDB and interface endpoints for the NAT-heavy services', () => {
    const template = network('dev');
    const services = Object.values(template.findResources('AWS::EC2::VPCEndpoint')).map((r) => ({
      service: r.Properties.ServiceName,
      type: r.Properties.VpcEndpointType,
    }));

    expect(services).toEqual(
      expect.arrayContaining([
        { service: expect.objectContaining({}), type: 'Gateway' },
        { service: 'com.amazonaws.us-east-1.ecr.api', type: 'Interface' },
        { service: 'com.amazonaws.us-east-1.ecr.dkr', type: 'Interface' },
        { service: 'com.amazonaws.us-east-1.logs', type: 'Interface' },
        { service: 'com.amazonaws.us-east-1.secretsmanager', type: 'Interface' },
        { service: 'com.amazonaws.us-east-1.sqs', type: 'Interface' },
        { service: 'com.amazonaws.us-east-1.sns', type: 'Interface' },
      ]),
    );
    expect(JSON.stringify(services)).toContain('.s3');
    expect(JSON.stringify(services)).toContain('.dynamodb');
    expect(services.filter((s) => s.type === 'Gateway')).toHaveLength(2);
    expect(services.filter((s) => s.type === 'Interface')).toHaveLength(6);
  });

  it('lets only the services reach the databases and only the ALB reach the gateway port', () => {
    const template = network('dev');
    const ingress = (port: number) =>
      Object.values(template.findResources('AWS::EC2::SecurityGroupIngress')).filter(
        (r) => r.Properties.FromPort === port,
      );

    expect(ingress(3306)).toHaveLength(1);
    expect(ingress(27017)).toHaveLength(1);
    expect(ingress(3306)[0]?.Properties.SourceSecurityGroupId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^ServicesSg/), 'GroupId'],
    });
    expect(ingress(8080)[0]?.Properties.SourceSecurityGroupId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^AlbSg/), 'GroupId'],
    });
  });

  it('publishes the VPC, subnets and security groups in SSM for the other stacks', () => {
    const template = network('prod');

    for (const name of [
      'vpc-id',
      'private-subnet-0',
      'private-subnet-1',
      'database-subnet-1',
      'public-subnet-0',
      'sg-services',
    ]) {
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: `/arka/prod/network/${name}`,
        Type: 'String',
      });
    }
    template.resourcePropertiesCountIs(
      'AWS::SSM::Parameter',
      { Name: Match.stringLikeRegexp('^/arka/prod/network/') },
      17,
    );
  });
});
