package io.growstack.files;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps for the YAML and JSON documents Jackson writes: same input, same key order, same bytes. */
final class OrderedMaps {
    private OrderedMaps() {
    }

    /** A map of alternating keys and values, in the order given. */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
