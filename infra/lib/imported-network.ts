import { Validations, type Stack, aws_ec2 as ec2 } from 'aws-cdk-lib';
import type { EnvName } from './config';
import { VPC_CIDR } from './fixed-subnets';
import { readParameter } from './parameters';

export type SecurityGroupName = 'alb' | 'services' | 'mysql' | 'docdb';
export type SubnetTier = 'public' | 'private' | 'database';

export interface ImportedNetwork {
  readonly vpc: ec2.IVpc;
  /**
   * A security group of the network stack. `mutable` lets this stack add rules
   * (database rotation functions do); the tier-to-tier rules already exist.
   */
  securityGroup(name: SecurityGroupName, mutable?: boolean): ec2.ISecurityGroup;
}

/**
 * The network stack's VPC, rebuilt from its SSM parameters (two AZs, as created).
 * Only the subnet tiers a stack places resources in are read, so its template
 * carries no unused parameters.
 */
export function importNetwork(stack: Stack, env: EnvName, tiers: readonly SubnetTier[]): ImportedNetwork {
  const read = (key: string) => readParameter(stack, env, `network/${key}`);
  const azs = stack.availabilityZones.slice(0, 2);
  const subnets = (tier: SubnetTier) =>
    tiers.includes(tier) ? azs.map((_, i) => read(`${tier}-subnet-${i}`)) : undefined;
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'ImportedVpc', {
    vpcId: read('vpc-id'),
    vpcCidrBlock: VPC_CIDR,
    availabilityZones: azs,
    publicSubnetIds: subnets('public'),
    privateSubnetIds: subnets('private'),
    isolatedSubnetIds: subnets('database'),
  });
  Validations.of(vpc).acknowledge({
    id: 'Annotation::@aws-cdk/aws-ec2:noSubnetRouteTableId',
    reason: 'Consumer stacks only place resources in these subnets; routes are managed by the network stack.',
  });
  const groups = new Map<string, ec2.ISecurityGroup>();
  return {
    vpc,
    securityGroup(name, mutable = false) {
      const id = `Imported-${name}-sg-${mutable ? 'rw' : 'ro'}`;
      const known = groups.get(id);
      if (known !== undefined) return known;
      const group = ec2.SecurityGroup.fromSecurityGroupId(stack, id, read(`sg-${name}`), {
        mutable,
        allowAllOutbound: name === 'services',
      });
      groups.set(id, group);
      return group;
    },
  };
}
