import { aws_ec2 as ec2 } from 'aws-cdk-lib';

/**
 * The design fixes every subnet CIDR (public .1/.2, private .3/.4, database .5/.6),
 * which the default allocator (it packs from 10.0.0.0) would not reproduce.
 * Keyed by subnet group name, one CIDR per AZ in order.
 */
export const SUBNET_CIDRS = {
  public: ['10.0.1.0/24', '10.0.2.0/24'],
  private: ['10.0.3.0/24', '10.0.4.0/24'],
  database: ['10.0.5.0/24', '10.0.6.0/24'],
} as const;

export const VPC_CIDR = '10.0.0.0/16';

export type SubnetGroup = keyof typeof SUBNET_CIDRS;

export class FixedSubnetCidrs implements ec2.IIpAddresses {
  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: VPC_CIDR };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    const used = new Map<string, number>();
    const allocatedSubnets = input.requestedSubnets.map((subnet) => {
      const group = subnet.configuration.name;
      const index = used.get(group) ?? 0;
      used.set(group, index + 1);
      const cidr = isSubnetGroup(group) ? SUBNET_CIDRS[group][index] : undefined;
      if (cidr === undefined) {
        throw new Error(
          `no fixed CIDR for subnet group "${group}" #${index + 1}; the design defines ${JSON.stringify(SUBNET_CIDRS)}`,
        );
      }
      return { cidr };
    });
    return { allocatedSubnets };
  }
}

function isSubnetGroup(name: string): name is SubnetGroup {
  return Object.hasOwn(SUBNET_CIDRS, name);
}
