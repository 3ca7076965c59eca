package io.growstack.network;

import java.util.List;

/** A VPC with subnets in tiers, as blocks that place hosts need it. All values may be tokens. */
public interface INetwork {
    /** The VPC id. */
    String vpcId();

    /** The VPC's IPv4 CIDR block, for example {@code 10.0.0.0/16}. */
    String vpcCidr();

    /** The availability zones, one per subnet of a tier, in subnet order. */
    List<String> availabilityZones();

    /** Subnet ids of {@code tier}, one per availability zone; empty if the tier does not exist. */
    List<String> subnetIds(SubnetTier tier);
}
