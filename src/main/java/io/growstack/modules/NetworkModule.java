package io.growstack.modules;

import io.growstack.core.Local;
import io.growstack.core.Variable;
import io.growstack.network.Network;
import io.growstack.network.NetworkProps;
import io.growstack.network.NatInstanceProps;
import io.growstack.network.NatProvider;
import io.growstack.network.SubnetTier;
import java.util.List;
import java.util.function.Supplier;

/**
 * The network block as one module per NAT choice: Terraform cannot switch a block's resources by
 * a variable without turning every address into a counted one, so the NAT is picked by module.
 */
final class NetworkModule implements ModuleDefinition {
    /** Java's carving: subnets four bits longer than the VPC, at most /28. */
    static final String NEWBITS = "min(4, " + Network.MAX_PREFIX + " - tonumber(split(\"/\", var.cidr)[1]))";
    /** The longest VPC prefix that still holds two subnets per tier in its halves. */
    static final int LONGEST_PREFIX = Network.MAX_PREFIX - 2;

    private final String name;
    private final String nat;
    private final Supplier<NatProvider> provider;
    private final boolean instanceType;

    private NetworkModule(String name, String nat, Supplier<NatProvider> provider, boolean instanceType) {
        this.name = name;
        this.nat = nat;
        this.provider = provider;
        this.instanceType = instanceType;
    }

    static NetworkModule natInstance() {
        return new NetworkModule("network-nat-instance", "a self-healing NAT instance (NatProvider.instance(),"
                + " the Java default)", () -> NatProvider.instance(), true);
    }

    static NetworkModule natGateway() {
        return new NetworkModule("network-nat-gateway", "one managed NAT gateway"
                + " (NatProvider.gateway(SINGLE))", () -> NatProvider.gateway(NatProvider.GatewayPlacement.SINGLE), false);
    }

    static NetworkModule noNat() {
        return new NetworkModule("network-no-nat", "no NAT (NatProvider.none()): private subnets reach S3 through"
                + " the gateway endpoint only", NatProvider::none, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "A VPC with a public and a private subnet in each of two availability zones, an internet gateway,"
                + " public and private route tables, the S3 gateway endpoint on the private tables, the VPC's"
                + " default security group adopted with no rules, and " + nat + ".";
    }

    @Override
    public String design() {
        return "The NAT choice is one module per variant (network-nat-instance, network-nat-gateway,"
                + " network-no-nat). The subnets are carved from `cidr` with `cidrsubnet` exactly as the Java"
                + " block carves them (four bits longer than the VPC, at most /28; public from the bottom, private"
                + " from the upper half). The zone count is fixed at two (the Java default; the Java API takes 2"
                + " to 6): `availability_zones` names them, since a module that looked them up could not plan"
                + " offline. The NAT instance's image is the input `image_id` (x86_64), so the module reads"
                + " nothing from AWS at plan time.";
    }

    @Override
    public void define(ModuleContext module) {
        module.variable(Variable.builder("cidr", "string")
                .description("IPv4 block of the VPC, /16 to /" + LONGEST_PREFIX + " (room for two /28 subnets per tier)")
                .defaultValue(NetworkProps.DEFAULT_CIDR)
                .validation("try(cidrhost(var.cidr, 0) == split(\"/\", var.cidr)[0] && !strcontains(var.cidr, \":\"),"
                                + " false)",
                        "cidr must be an IPv4 CIDR block with zero host bits, such as 10.0.0.0/16.")
                .validation("try(tonumber(split(\"/\", var.cidr)[1]) >= " + Network.MIN_PREFIX
                                + " && tonumber(split(\"/\", var.cidr)[1]) <= " + LONGEST_PREFIX + ", false)",
                        "cidr must have a prefix between /" + Network.MIN_PREFIX + " (AWS's largest VPC) and /"
                                + LONGEST_PREFIX + " (two subnets per tier and zone)."));
        module.zonesVariable("availability_zones", "The two availability zones of the subnets, in the"
                + " provider's region, such as [\"ap-northeast-2a\", \"ap-northeast-2c\"]");
        NetworkProps.Builder props = NetworkProps.builder().availabilityZones(ModuleContext.ZONES);
        if (instanceType) {
            module.variable(Variable.builder("nat_instance_type", "string")
                    .description("EC2 instance type of the NAT instance (x86_64: the module's image is x86_64)")
                    .defaultValue(NatInstanceProps.DEFAULT_INSTANCE_TYPE)
                    .validation(InstanceTypes.condition("var.nat_instance_type", io.growstack.core.Architecture.X86_64),
                            "nat_instance_type must be an x86_64 instance type such as t3.nano (Graviton types need"
                                    + " the arm64 image the Java API picks for them)."));
            module.substituteWhole(NatInstanceProps.DEFAULT_INSTANCE_TYPE, "var.nat_instance_type");
            module.imageVariable(io.growstack.core.Architecture.X86_64);
        }
        Network network = new Network(module.stack(), "network", props.nat(provider.get()).build());
        Local newbits = new Local(module.stack(), "subnet-newbits", "subnet_newbits", "${" + NEWBITS + "}");
        module.substitute(NetworkProps.DEFAULT_CIDR, "var.cidr");
        carve(module, network.subnets(SubnetTier.PUBLIC).stream().map(s -> s.args()).toList(), newbits, "0");
        carve(module, network.subnets(SubnetTier.PRIVATE).stream().map(s -> s.args()).toList(), newbits,
                "pow(2, " + newbits.name() + ") / 2");
        for (int i = 0; i < ModuleContext.ZONES.size(); i++) {
            module.substitute(ModuleContext.ZONES.get(i), "var.availability_zones[" + i + "]");
        }
        module.output("vpc_id", network.vpcId(), "Id of the VPC");
        module.output("vpc_cidr", network.vpcCidr(), "IPv4 block of the VPC");
        module.output("availability_zones", network.availabilityZones(), "The zones of the subnets, in subnet order");
        module.output("public_subnet_ids", network.subnetIds(SubnetTier.PUBLIC), "Public subnet ids, one per zone");
        module.output("private_subnet_ids", network.subnetIds(SubnetTier.PRIVATE),
                "Private subnet ids, one per zone");
        module.output("public_route_table_id", network.publicRouteTable().attr("id"), "Id of the public route table");
        module.output("private_route_table_ids", network.privateRouteTables().stream().map(t -> t.attr("id")).toList(),
                "Ids of the private route tables");
    }

    // The block carved these blocks from the stand-in VPC; each stands for the same carving of var.cidr.
    private static void carve(ModuleContext module, List<io.growstack.core.ResourceArgs> subnets, Local newbits,
                              String offset) {
        for (int i = 0; i < subnets.size(); i++) {
            String literal = ((io.growstack.aws.Subnet) subnets.get(i)).cidrBlock();
            module.substituteWhole(literal, "cidrsubnet(var.cidr, local." + newbits.name() + ", " + offset.replace(
                    newbits.name(), "local." + newbits.name()) + " + " + i + ")");
        }
    }
}
