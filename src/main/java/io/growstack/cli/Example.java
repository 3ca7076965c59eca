package io.growstack.cli;

import com.hashicorp.cdktf.App;

/**
 * An example program {@code growstack synth --example NAME} can run. Examples are template
 * projects, not part of the library jar: each lists its implementation in its own
 * {@code META-INF/services/io.growstack.cli.Example}, and the command line finds whichever are on
 * the classpath through {@link java.util.ServiceLoader}.
 */
public interface Example {
    /** The name {@code --example} takes; also the example's folder under {@code examples/}. */
    String name();

    /** Defines the example's stacks in {@code app}. */
    void define(App app);
}
