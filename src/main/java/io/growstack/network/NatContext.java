package io.growstack.network;

import io.growstack.core.GrowStack;
import io.growstack.core.Resource;
import java.util.List;
import software.constructs.Construct;

/** What a {@link NatProvider} needs from the network it serves. */
record NatContext(Construct scope, GrowStack stack, String vpcId, String vpcCidr, Resource internetGateway,
                  List<Resource> publicSubnets, List<Resource> privateRouteTables, boolean tablePerAz) {
}
