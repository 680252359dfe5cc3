import { RemovalPolicy, Stack, Validations, aws_ec2 as ec2, aws_logs as logs } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FixedSubnetCidrs, VPC_CIDR } from './fixed-subnets';
import { publishParameter } from './parameters';
import type { ArkaStackProps } from './settings';

/** Service ports (ARCHITECTURE.md): the gateway faces the ALB, the others only Service Connect. */
export const SERVICE_PORTS = { gateway: 8080, cotizador: 8081, gestorSolicitudes: 8082 } as const;
export const MYSQL_PORT = 3306;
export const DOCDB_PORT = 27017;

/**
 * The VPC of the design and every security group, so the rules between tiers live
 * in one place and the other stacks only attach to groups by id.
 */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, config } = props.settings;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new FixedSubnetCidrs(),
      maxAzs: 2,
      natGateways: config.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
        { name: 'database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      restrictDefaultSecurityGroup: true,
    });

    const flowLogGroup = new logs.LogGroup(this, 'FlowLogs', {
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });

    this.addEndpoints();
    const groups = this.addSecurityGroups();

    const publish = (key: `network/${string}`, value: string, what: string) =>
      publishParameter(this, env, key, value, what);
    publish('network/vpc-id', this.vpc.vpcId, 'VPC id');
    const tiers = {
      public: this.vpc.publicSubnets,
      private: this.vpc.privateSubnets,
      database: this.vpc.isolatedSubnets,
    };
    for (const [tier, subnets] of Object.entries(tiers)) {
      subnets.forEach((subnet, i) => {
        publish(`network/${tier}-subnet-${i}`, subnet.subnetId, `${tier} subnet id`);
        publish(`network/${tier}-route-table-${i}`, subnet.routeTable.routeTableId, `${tier} route table id`);
      });
    }
    for (const [name, group] of Object.entries(groups)) {
      publish(`network/sg-${name}`, group.securityGroupId, `security group ${name}`);
    }
  }

  /** Gateway endpoints are free; interface endpoints carry the heaviest NAT traffic (image pulls, logs, secrets, queues, topics). */
  private addEndpoints(): void {
    this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    this.vpc.addGatewayEndpoint('DynamoDb', { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB });
    const endpointGroup = new ec2.SecurityGroup(this, 'EndpointsSg', {
      vpc: this.vpc,
      description: 'Interface endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });
    endpointGroup.addIngressRule(ec2.Peer.ipv4(VPC_CIDR), ec2.Port.tcp(443), 'HTTPS from the VPC');
    const services = {
      EcrApi: ec2.InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER,
      Logs: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      Sqs: ec2.InterfaceVpcEndpointAwsService.SQS,
      Sns: ec2.InterfaceVpcEndpointAwsService.SNS,
    };
    for (const [id, service] of Object.entries(services)) {
      this.vpc.addInterfaceEndpoint(id, {
        service,
        privateDnsEnabled: true,
        open: false, // the group above already admits the VPC, as a literal CIDR
        securityGroups: [endpointGroup],
        subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      });
    }
  }

  private addSecurityGroups(): Record<'alb' | 'services' | 'mysql' | 'docdb', ec2.SecurityGroup> {
    const group = (id: string, description: string, allowAllOutbound: boolean) =>
      new ec2.SecurityGroup(this, id, { vpc: this.vpc, description, allowAllOutbound });
    const alb = group('AlbSg', 'Internet-facing ALB (CloudFront origin)', false);
    const services = group('ServicesSg', 'ECS services', true);
    const mysql = group('MysqlSg', 'RDS MySQL', false);
    const docdb = group('DocdbSg', 'DocumentDB', false);

    alb.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP from CloudFront');
    alb.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS from CloudFront');
    Validations.of(alb).acknowledge({
      id: 'AwsSolutions-EC23',
      reason:
        'The ALB is the CloudFront origin and CloudFront edges are no fixed CIDR list; its listener answers 403 to requests without the CloudFront origin-verify header.',
    });
    alb.addEgressRule(services, ec2.Port.tcp(SERVICE_PORTS.gateway), 'to the gateway tasks');
    services.addIngressRule(alb, ec2.Port.tcp(SERVICE_PORTS.gateway), 'from the ALB');
    services.addIngressRule(
      services,
      ec2.Port.tcpRange(SERVICE_PORTS.gateway, SERVICE_PORTS.gestorSolicitudes),
      'Service Connect between services',
    );
    mysql.addIngressRule(services, ec2.Port.tcp(MYSQL_PORT), 'MySQL from the services');
    docdb.addIngressRule(services, ec2.Port.tcp(DOCDB_PORT), 'DocumentDB from the services');
    return { alb, services, mysql, docdb };
  }
}
