package io.growstack.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.core.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public factory and builder setter of the blocks' API, called with null arguments, either
 * accepts them (a null that means "default") or throws growstack's own error: a
 * NullPointerException naming the argument, or a ValidationException. Never the JVM's
 * "Cannot invoke … because … is null".
 */
class NullArgumentsTest {
    private static final List<String> PACKAGES = List.of("core", "network", "compute", "data", "web", "delivery",
            "monitoring");

    static List<Class<?>> publicClasses() {
        List<Class<?>> classes = new ArrayList<>();
        Path root = Path.of("target", "classes", "io", "growstack");
        for (String pkg : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".class") || name.equals("package-info.class")) {
                        continue;
                    }
                    Class<?> type = Class.forName("io.growstack." + pkg + "." + name.replace(".class", "")
                            .replace('/', '.'), false, NullArgumentsTest.class.getClassLoader());
                    // ResourceOptions is being rewritten with Resource (the plain-value resources change).
                    if (Modifier.isPublic(type.getModifiers()) && type != io.growstack.core.ResourceOptions.class) {
                        classes.add(type);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        return classes;
    }

    private static Object[] nulls(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            args[i] = t == int.class ? 0 : t == long.class ? 0L : t == double.class ? 0.0 : t == boolean.class
                    ? false : null;
        }
        return args;
    }

    private static boolean takesReference(Method method) {
        return Stream.of(method.getParameterTypes()).anyMatch(t -> !t.isPrimitive());
    }

    /** What calling {@code method} on {@code target} with nulls did, or null if it was acceptable. */
    private static String misuse(Object target, Method method) {
        try {
            method.invoke(target, nulls(method));
            return null;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ValidationException) {
                return null;
            }
            if (cause instanceof NullPointerException && cause.getMessage() != null
                    && cause.getMessage().contains("must not be null")) {
                return null;
            }
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + ": " + cause;
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    @Test
    void factoriesNameANullArgument() {
        List<String> misuses = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                int m = method.getModifiers();
                if (Modifier.isPublic(m) && Modifier.isStatic(m) && !method.isSynthetic() && takesReference(method)
                        && !method.getName().equals("valueOf")) {
                    String problem = misuse(null, method);
                    if (problem != null) {
                        misuses.add(problem);
                    }
                }
            }
        }
        assertThat(misuses).as("factories that leak the JVM's own null errors").isEmpty();
    }

    @Test
    void builderSettersNameANullArgument() {
        List<String> misuses = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (!nested.getSimpleName().equals("Builder") || !Modifier.isPublic(nested.getModifiers())) {
                    continue;
                }
                for (Method method : nested.getDeclaredMethods()) {
                    if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
                            || !takesReference(method) || method.getName().equals("build")) {
                        continue;
                    }
                    Object builder = builder(type);
                    if (builder != null) {
                        String problem = misuse(builder, method);
                        if (problem != null) {
                            misuses.add(problem);
                        }
                    }
                }
            }
        }
        assertThat(misuses).as("builder setters that leak the JVM's own null errors").isEmpty();
    }

    @Test
    void blockConstructorsNameANullArgument() {
        List<String> misuses = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            // Resource and DataSource are being rewritten as plain values (the resource-model change).
            if (!software.constructs.Construct.class.isAssignableFrom(type) || type == io.growstack.core.Resource.class
                    || type == io.growstack.core.DataSource.class) {
                continue;
            }
            for (var constructor : type.getConstructors()) {
                blocks.add(type.getSimpleName());
                Object[] args = new Object[constructor.getParameterCount()];
                Class<?>[] types = constructor.getParameterTypes();
                for (int i = 0; i < args.length; i++) {
                    args[i] = types[i] == boolean.class ? false : types[i] == int.class ? 0 : null;
                }
                try {
                    constructor.newInstance(args);
                    misuses.add(type.getSimpleName() + ": accepted nulls");
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    if (!(cause instanceof NullPointerException) || !"scope must not be null".equals(cause.getMessage())) {
                        misuses.add(type.getSimpleName() + ": " + cause);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(blocks).as("public blocks found").contains("Network", "AutoScaledService", "Database", "Delivery");
        assertThat(misuses).as("block constructors that leak other errors for a null scope").isEmpty();
    }

    // A fresh builder from the type's static builder(...) factory, its required arguments null
    // (required arguments are checked in build()).
    private static Object builder(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals("builder") && Modifier.isStatic(method.getModifiers())
                    && Modifier.isPublic(method.getModifiers())) {
                try {
                    return method.invoke(null, nulls(method));
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
