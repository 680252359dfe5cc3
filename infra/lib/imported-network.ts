import { type Stack, aws_ec2 as ec2 } from 'aws-cdk-lib';
import type { EnvName } from './config';
import { VPC_CIDR } from './fixed-subnets';
import { readParameter } from './parameters';

export type SecurityGroupName = 'alb' | 'services' | 'mysql' | 'docdb';

export interface ImportedNetwork {
  readonly vpc: ec2.IVpc;
  /**
   * A security group of the network stack. `mutable` lets this stack add rules
   * (database rotation functions do); the tier-to-tier rules already exist.
   */
  securityGroup(name: SecurityGroupName, mutable?: boolean): ec2.ISecurityGroup;
}

/** The network stack's VPC, rebuilt from its SSM parameters (two AZs, as created). */
export function importNetwork(stack: Stack, env: EnvName): ImportedNetwork {
  const read = (key: string) => readParameter(stack, env, `network/${key}`);
  const azs = stack.availabilityZones.slice(0, 2);
  const pair = (prefix: string) => azs.map((_, i) => read(`${prefix}-${i}`));
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'ImportedVpc', {
    vpcId: read('vpc-id'),
    vpcCidrBlock: VPC_CIDR,
    availabilityZones: azs,
    publicSubnetIds: pair('public-subnet'),
    publicSubnetRouteTableIds: pair('public-route-table'),
    privateSubnetIds: pair('private-subnet'),
    privateSubnetRouteTableIds: pair('private-route-table'),
    isolatedSubnetIds: pair('database-subnet'),
    isolatedSubnetRouteTableIds: pair('database-route-table'),
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
