package io.growstack.examples.v1;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v1-single-server}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v1-single-server";
    }

    @Override
    public void define(App app) {
        SingleServerExample.define(app);
    }
}
