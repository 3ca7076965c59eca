package io.growstack.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cdktf's {@code addOverride} semantics, in Java: a dotted path builds nested objects; merging
 * recurses into objects (and into lists by numeric index), appends a list to a list, replaces
 * anything else, and a {@code null} value deletes the key. Kept identical to cdktf 0.19's
 * {@code deepMerge} so an override means the same on a growstack resource as on a cdktf one.
 */
final class Overrides {
    private final Map<String, Object> raw = new LinkedHashMap<>();

    boolean isEmpty() {
        return raw.isEmpty();
    }

    /** The top-level keys overridden, in the order first set (cdktf lists them in the stack metadata). */
    List<String> keys() {
        return List.copyOf(raw.keySet());
    }

    /** Adds an override at {@code path} of the element created at construct path {@code owner}. */
    @SuppressWarnings("unchecked")
    void add(String owner, String path, Object value) {
        java.util.Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            throw new ValidationException(owner, "override path", path,
                    "expected dot-separated keys such as lifecycle.prevent_destroy");
        }
        String[] parts = path.split("\\.", -1);
        Map<String, Object> current = raw;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(parts[i], next);
            }
            current = (Map<String, Object>) next;
        }
        // A null is kept (not removed) so that the merge below deletes the key it names.
        current.put(parts[parts.length - 1], value);
    }

    /** Applies the overrides to {@code target} (modified in place), blaming {@code path} for a bad one. */
    void applyTo(Map<String, Object> target, String path) {
        try {
            merge(target, raw);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(path, "override", e.getMessage(), "expected a path into the rendered arguments");
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Object target, Map<String, Object> source) {
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object existing = get(target, key);
            if (value instanceof Map<?, ?> map) {
                if (!(existing instanceof Map) && !(existing instanceof List)) {
                    existing = new LinkedHashMap<String, Object>();
                    put(target, key, existing);
                }
                merge(existing, (Map<String, Object>) map);
            } else if (value instanceof List<?> list) {
                if (existing instanceof List<?> old) {
                    List<Object> joined = new ArrayList<>(old);
                    joined.addAll(list);
                    put(target, key, joined);
                } else {
                    put(target, key, new ArrayList<>(list));
                }
            } else if (value == null) {
                remove(target, key);
            } else {
                put(target, key, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object target, String key) {
        if (target instanceof List<?> list) {
            int index = index(key, list.size());
            return index < list.size() ? list.get(index) : null;
        }
        return ((Map<String, Object>) target).get(key);
    }

    @SuppressWarnings("unchecked")
    private static void put(Object target, String key, Object value) {
        if (target instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            int index = index(key, items.size());
            if (index == items.size()) {
                items.add(value);
            } else {
                items.set(index, value);
            }
        } else {
            ((Map<String, Object>) target).put(key, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object target, String key) {
        if (target instanceof List<?> list) {
            int index = index(key, list.size());
            if (index < list.size()) {
                ((List<Object>) list).remove(index);
            }
        } else {
            ((Map<String, Object>) target).remove(key);
        }
    }

    private static int index(String key, int size) {
        int index;
        try {
            index = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("override path part '" + key + "' names an element of a list:"
                    + " expected an index 0.." + size);
        }
        if (index < 0 || index > size) {
            throw new IllegalArgumentException("override path part '" + key + "' is outside the list: expected an index 0.."
                    + size);
        }
        return index;
    }
}
