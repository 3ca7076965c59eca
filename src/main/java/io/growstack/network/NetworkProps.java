package io.growstack.network;

import io.growstack.core.Args;
import java.util.List;

/** Settings of a {@link Network}. Every field is optional. */
public final class NetworkProps {
    /** The seed's VPC: a /16, about 65,000 addresses. */
    public static final String DEFAULT_CIDR = "10.0.0.0/16";
    /** Two availability zones, the minimum for a load balancer. */
    public static final int DEFAULT_AZ_COUNT = 2;

    private final String cidr;
    private final int azCount;
    private final List<String> availabilityZones;
    private final boolean privateSubnets;
    private final Integer subnetPrefix;
    private final List<String> publicSubnetCidrs;
    private final List<String> privateSubnetCidrs;
    private final NatProvider nat;
    private final boolean privateRouteTablePerAz;
    private final boolean s3GatewayEndpoint;
    private final FlowLogs flowLogs;

    private NetworkProps(Builder b) {
        this.cidr = b.cidr;
        this.azCount = b.azCount;
        this.availabilityZones = b.availabilityZones;
        this.privateSubnets = b.privateSubnets;
        this.subnetPrefix = b.subnetPrefix;
        this.publicSubnetCidrs = b.publicSubnetCidrs;
        this.privateSubnetCidrs = b.privateSubnetCidrs;
        this.nat = b.nat;
        this.privateRouteTablePerAz = b.privateRouteTablePerAz;
        this.s3GatewayEndpoint = b.s3GatewayEndpoint;
        this.flowLogs = b.flowLogs;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cidr = cidr;
        b.azCount = azCount;
        b.availabilityZones = availabilityZones;
        b.privateSubnets = privateSubnets;
        b.subnetPrefix = subnetPrefix;
        b.publicSubnetCidrs = publicSubnetCidrs;
        b.privateSubnetCidrs = privateSubnetCidrs;
        b.nat = nat;
        b.privateRouteTablePerAz = privateRouteTablePerAz;
        b.s3GatewayEndpoint = s3GatewayEndpoint;
        b.flowLogs = flowLogs;
        return b;
    }

    /** VPC CIDR, /16 to /28. Default: {@value #DEFAULT_CIDR}. */
    public String cidr() {
        return cidr;
    }

    /** Number of availability zones, 2 to 6. Default: 2 (or the number of explicit zones). */
    public int azCount() {
        return azCount;
    }

    /**
     * Explicit zone names, for example {@code ap-northeast-2a, ap-northeast-2c}. Default: none, the
     * first zones of the region read from {@code aws_availability_zones} at plan time.
     */
    public List<String> availabilityZones() {
        return availabilityZones;
    }

    /** Whether to make the private tier. Default: true. */
    public boolean privateSubnets() {
        return privateSubnets;
    }

    /** Prefix length of each subnet. Default: the VPC's prefix + 4 (a /20 in a /16), at most /28. */
    public Integer subnetPrefix() {
        return subnetPrefix;
    }

    /** Explicit public subnet CIDRs, one per zone. Default: carved from the VPC. */
    public List<String> publicSubnetCidrs() {
        return publicSubnetCidrs;
    }

    /** Explicit private subnet CIDRs, one per zone. Default: carved from the upper half of the VPC. */
    public List<String> privateSubnetCidrs() {
        return privateSubnetCidrs;
    }

    /** The NAT strategy. Default: a self-healing t3.nano NAT instance with a private tier, none without one. */
    public NatProvider nat() {
        return nat;
    }

    /** Whether each zone gets its own private route table. Default: false (one shared table). */
    public boolean privateRouteTablePerAz() {
        return privateRouteTablePerAz;
    }

    /** Whether private route tables get the free S3 gateway endpoint. Default: true. */
    public boolean s3GatewayEndpoint() {
        return s3GatewayEndpoint;
    }

    /** VPC flow logs; {@code null} means none. Default: none. */
    public FlowLogs flowLogs() {
        return flowLogs;
    }

    /** Builds {@link NetworkProps}. */
    public static final class Builder {
        private String cidr = DEFAULT_CIDR;
        private int azCount = DEFAULT_AZ_COUNT;
        private List<String> availabilityZones = List.of();
        private boolean privateSubnets = true;
        private Integer subnetPrefix;
        private List<String> publicSubnetCidrs = List.of();
        private List<String> privateSubnetCidrs = List.of();
        private NatProvider nat;
        private boolean privateRouteTablePerAz;
        private boolean s3GatewayEndpoint = true;
        private FlowLogs flowLogs;

        private Builder() {
        }

        /** VPC CIDR, /16 to /28. Default: 10.0.0.0/16. */
        public Builder cidr(String cidr) {
            this.cidr = cidr;
            return this;
        }

        /** Number of availability zones, 2 to 6. Default: 2. */
        public Builder azCount(int azCount) {
            this.azCount = azCount;
            return this;
        }

        /** Explicit zone names; sets the zone count. Default: read from the region at plan time. */
        public Builder availabilityZones(List<String> zones) {
            this.availabilityZones = Args.list(zones, "availabilityZones");
            this.azCount = zones.size();
            return this;
        }

        /** Whether to make the private tier. Default: true. */
        public Builder privateSubnets(boolean privateSubnets) {
            this.privateSubnets = privateSubnets;
            return this;
        }

        /** Prefix length of every carved subnet. Default: VPC prefix + 4, at most 28. */
        public Builder subnetPrefix(int subnetPrefix) {
            this.subnetPrefix = subnetPrefix;
            return this;
        }

        /** Explicit public subnet CIDRs, one per zone. */
        public Builder publicSubnetCidrs(List<String> cidrs) {
            this.publicSubnetCidrs = Args.list(cidrs, "publicSubnetCidrs");
            return this;
        }

        /** Explicit private subnet CIDRs, one per zone. */
        public Builder privateSubnetCidrs(List<String> cidrs) {
            this.privateSubnetCidrs = Args.list(cidrs, "privateSubnetCidrs");
            return this;
        }

        /** The NAT strategy. Default: {@link NatProvider#instance()} with a private tier. */
        public Builder nat(NatProvider nat) {
            this.nat = nat;
            return this;
        }

        /** One private route table per zone instead of one shared. Default: false. */
        public Builder privateRouteTablePerAz(boolean perAz) {
            this.privateRouteTablePerAz = perAz;
            return this;
        }

        /** Whether to add the S3 gateway endpoint to private route tables. Default: true. */
        public Builder s3GatewayEndpoint(boolean enabled) {
            this.s3GatewayEndpoint = enabled;
            return this;
        }

        /** Turns on VPC flow logs. Default: off. */
        public Builder flowLogs(FlowLogs flowLogs) {
            this.flowLogs = flowLogs;
            return this;
        }

        /** The settings. */
        public NetworkProps build() {
            return new NetworkProps(this);
        }
    }
}
