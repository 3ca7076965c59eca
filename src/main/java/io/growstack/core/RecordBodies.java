package io.growstack.core;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Renders a resource's argument record the way {@link Json}'s Jackson setup does (snake_case names
 * in component order, nulls and empty text, lists and maps left out, map entries sorted by key),
 * without Jackson's bean introspection: on a cold JVM that costs about a millisecond per record
 * type and loads a hundred classes, and it runs on the critical path of every synth. A record that
 * carries Jackson annotations or extra getters is left to Jackson, which alone knows what they mean;
 * so is anything that is not a record. {@code RecordBodiesTest} renders every example's resources
 * both ways and requires the same maps.
 */
final class RecordBodies {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    // null where Jackson must render the type.
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            return components(type);
        }
    };

    private record Component(String name, Method accessor) {
    }

    private RecordBodies() {
    }

    /** Whether {@link #render} renders values of {@code type} exactly as Jackson would. */
    static boolean handles(Class<?> type) {
        return type.isRecord() && COMPONENTS.get(type) != null;
    }

    /** The attribute map of {@code args}, a record of a type {@link #handles} accepts. */
    static Map<String, Object> render(Object args) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Component component : COMPONENTS.get(args.getClass())) {
            Object value = read(component, args);
            if (!isEmpty(value)) {
                body.put(component.name(), value(value));
            }
        }
        return body;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Record && handles(value.getClass())) {
            return render(value);
        }
        if (value instanceof Map<?, ?> map && keysAreText(map)) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> {
                if (!isEmpty(item)) {
                    sorted.put((String) key, value(item));
                }
            });
            return new LinkedHashMap<>(sorted);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> items = new ArrayList<>(collection.size());
            for (Object item : collection) {
                items.add(value(item));
            }
            return items;
        }
        return Json.plainValue(value);
    }

    private static boolean keysAreText(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    // Jackson's NON_EMPTY, asked of the Java value: absent, empty text, and empty lists, sets and arrays
    // are left out, and so is a map whose every entry is; a record never is, even one rendered as {}.
    private static boolean isEmpty(Object value) {
        return value == null
                || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty()
                || value instanceof Map<?, ?> map && map.values().stream().allMatch(RecordBodies::isEmpty)
                || value instanceof Optional<?> optional && optional.isEmpty()
                || value.getClass().isArray() && java.lang.reflect.Array.getLength(value) == 0;
    }

    private static Object read(Component component, Object record) {
        try {
            return component.accessor().invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass().getName(), e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading " + component.name() + " of " + record.getClass().getName()
                    + " failed", e.getCause());
        }
    }

    private static Component[] components(Class<?> type) {
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers()) || hasJacksonAnnotation(type.getAnnotations())) {
            return null;
        }
        RecordComponent[] declared = type.getRecordComponents();
        java.util.Set<String> accessors = new java.util.HashSet<>();
        for (RecordComponent component : declared) {
            accessors.add(component.getName());
        }
        for (Method method : type.getMethods()) {
            if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                    && method.getDeclaringClass() != Object.class && !accessors.contains(method.getName())
                    && isBeanGetterName(method.getName())) {
                return null;
            }
        }
        Component[] components = new Component[declared.length];
        for (int i = 0; i < declared.length; i++) {
            RecordComponent component = declared[i];
            Method accessor = component.getAccessor();
            if (hasJacksonAnnotation(component.getAnnotations()) || hasJacksonAnnotation(accessor.getAnnotations())
                    || !isRenderedType(component.getType())) {
                return null;
            }
            components[i] = new Component(SNAKE_CASE.translate(component.getName()), accessor);
        }
        return components;
    }

    // Types whose rendering above is Jackson's own; anything else (arrays, optionals, dates) goes to Jackson.
    private static boolean isRenderedType(Class<?> type) {
        return type == String.class || type == Integer.class || type == Long.class || type == Double.class
                || type == Boolean.class || type == List.class || type == Map.class || type.isRecord()
                || type == int.class || type == long.class || type == double.class || type == boolean.class;
    }

    private static boolean isBeanGetterName(String name) {
        return name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))
                || name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
    }

    private static boolean hasJacksonAnnotation(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }
}
