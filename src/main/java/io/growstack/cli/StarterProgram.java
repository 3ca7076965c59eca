package io.growstack.cli;

import com.hashicorp.cdktf.App;
import io.growstack.core.GrowStack;
import io.growstack.core.GrowStackProps;
import io.growstack.network.Network;
import java.util.function.Consumer;

/**
 * The default program the command line synthesizes: the seed's private network in ap-northeast-2
 * (a /16 VPC, two zones, public and private subnets, a t3.nano NAT instance). Examples of the
 * seed's later versions replace it as they land.
 */
final class StarterProgram implements Consumer<App> {
    static final String STACK = "starter";

    @Override
    public void accept(App app) {
        GrowStack stack = new GrowStack(app, STACK, GrowStackProps.builder("ap-northeast-2")
                .project("growstack").environment("dev").build());
        new Network(stack, "network");
    }
}
