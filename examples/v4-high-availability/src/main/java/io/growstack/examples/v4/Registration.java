package io.growstack.examples.v4;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v4-high-availability}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v4-high-availability";
    }

    @Override
    public void define(App app) {
        HighAvailabilityExample.define(app);
    }
}
