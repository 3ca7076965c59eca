package io.growstack.examples.v3;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v3-private-network}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v3-private-network";
    }

    @Override
    public void define(App app) {
        PrivateNetworkExample.define(app);
    }
}
