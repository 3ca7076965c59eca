package io.growstack.cli;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The example programs on the classpath, found through {@link ServiceLoader}. In the growstack
 * repository {@code mvn compile} builds every template under {@code examples/} into
 * {@code target/example-classes}, which {@code exec:java} and the {@code growstack} launcher put on
 * the classpath; the library jar holds none of them.
 */
final class Examples {
    /** The example {@code growstack synth} runs when none is named. */
    static final String DEFAULT = "v4-high-availability";
    /** What builds the examples, for error messages. */
    static final String BUILD_COMMAND = "mvn -q -B compile (in the growstack repository)";

    private Examples() {
    }

    /** Every example on the classpath, by name. */
    static Map<String, Example> available() {
        Map<String, Example> byName = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Example example : ServiceLoader.load(Example.class, loader != null ? loader : Examples.class.getClassLoader())) {
            byName.putIfAbsent(example.name(), example);
        }
        return byName;
    }
}
