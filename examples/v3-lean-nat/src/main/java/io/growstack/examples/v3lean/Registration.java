package io.growstack.examples.v3lean;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v3-lean-nat}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v3-lean-nat";
    }

    @Override
    public void define(App app) {
        LeanNatExample.define(app);
    }
}
