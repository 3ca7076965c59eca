package io.growstack.core;

import java.util.List;
import java.util.Map;

/**
 * Starts the JSON and YAML machinery on a second thread while cdktf's Node process boots: the main
 * thread waits for Node for about half a second at the start of every synth, and first use of
 * Jackson costs about as long on a cold JVM. Nothing here writes anything or keeps state beyond
 * Jackson's own caches; a failure is ignored because the real use will report it.
 */
final class Warmup {
    private Warmup() {
    }

    /** Begins warming in a daemon thread; returns at once. */
    static void start(Runnable more) {
        Thread thread = new Thread(() -> {
            try {
                Json.attributes(new Sample("warm", List.of("a"), Map.of("k", "v"), 1, true));
                Json.document(Map.of("Version", "2012-10-17"));
                Yaml.write(Yaml.AS_IS, Map.of("k", List.of("v")), "warm-up");
                if (more != null) {
                    more.run();
                }
            } catch (RuntimeException | LinkageError ignored) {
                // The real use reports any problem; warming up is only an optimisation.
            }
        }, "growstack-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private record Sample(String name, List<String> items, Map<String, String> tags, Integer count, Boolean flag) {
    }
}
