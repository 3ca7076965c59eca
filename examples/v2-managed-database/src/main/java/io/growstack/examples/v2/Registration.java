package io.growstack.examples.v2;

import com.hashicorp.cdktf.App;
import io.growstack.cli.Example;

/** Lists this template with the growstack command line ({@code growstack synth --example v2-managed-database}). */
public final class Registration implements Example {
    @Override
    public String name() {
        return "v2-managed-database";
    }

    @Override
    public void define(App app) {
        ManagedDatabaseExample.define(app);
    }
}
