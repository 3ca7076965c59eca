package io.growstack.cli;

import com.hashicorp.cdktf.App;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The example programs under {@code examples/}, by name. They are template projects, not part of
 * the library jar: in the growstack repository they are on the test classpath (the README's main
 * command uses it), elsewhere only the built-in starter network exists.
 */
final class Examples {
    /** The example {@code growstack synth} runs when none is named. */
    static final String DEFAULT = "v4-high-availability";
    /** Name → class with a {@code public static void define(App)} method. */
    static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("v1-single-server", "io.growstack.examples.v1.SingleServerExample");
        CLASSES.put("v2-managed-database", "io.growstack.examples.v2.ManagedDatabaseExample");
        CLASSES.put("v3-private-network", "io.growstack.examples.v3.PrivateNetworkExample");
        CLASSES.put("v3-lean-nat", "io.growstack.examples.v3lean.LeanNatExample");
        CLASSES.put("v4-high-availability", "io.growstack.examples.v4.HighAvailabilityExample");
        CLASSES.put("v5-next", "io.growstack.examples.v5.NextExample");
    }

    private Examples() {
    }

    /** The program of example {@code name}, if its class is on the classpath. */
    static Optional<Consumer<App>> find(String name) {
        String className = CLASSES.get(name);
        if (className == null) {
            return Optional.empty();
        }
        try {
            Method define = Class.forName(className).getMethod("define", App.class);
            return Optional.of(app -> {
                try {
                    define.invoke(null, app);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
