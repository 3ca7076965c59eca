package io.growstack.examples.v5;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v5-next}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v5-next";
    }

    @Override
    public void define(App app) {
        NextExample.define(app);
    }
}
