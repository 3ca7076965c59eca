package io.growstack.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Null checks for builder and factory arguments whose messages name the argument, and for list
 * and map arguments the entry ({@code managedPolicyArns[1] must not be null}), where
 * {@link List#copyOf} would only say "null".
 */
public final class Args {
    private Args() {
    }

    /** {@code value}, or a {@link NullPointerException} saying {@code name must not be null}. */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** An unmodifiable copy of {@code list}; the list and each entry must not be null. */
    public static <T> List<T> list(List<? extends T> list, String name) {
        notNull(list, name);
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(notNull(list.get(i), name + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy of {@code map} in its order; the map, each key and each value must not be null. */
    public static <K, V> Map<K, V> map(Map<? extends K, ? extends V> map, String name) {
        notNull(map, name);
        Map<K, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(notNull(key, name + " key"), notNull(value, name + "[" + key + "]")));
        return Collections.unmodifiableMap(copy);
    }
}
