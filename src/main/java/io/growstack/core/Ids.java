package io.growstack.core;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * Checks a construct's arguments before the construct is created, so a null argument, a duplicate
 * or an empty id is reported in growstack's own words instead of as a JavaScript stack trace from
 * the constructs library or the JVM's "Cannot read field … because … is null".
 *
 * <p>Blocks call it in their {@code super(...)} argument: {@code super(Ids.check(scope, id, props), id)}.
 * It asks cdktf's Node process one question ({@code tryFindChild}) per block made directly under a
 * stack, the app or a user's own construct, none for a block inside a block and none per resource;
 * the scope's path is fetched only when there is an error to report.
 */
public final class Ids {
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    // Set by check(...) inside a block's super(...) call and taken by created(this) right after it;
    // nothing else creates a growstack construct in between.
    private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();
    private static final Map<IConstruct, Set<String>> CHILDREN = Collections.synchronizedMap(new WeakHashMap<>());
    private Ids() {
    }

    /**
     * Returns {@code scope} when {@code id} may name a new construct under it.
     *
     * @throws NullPointerException if {@code scope} or {@code id} is null
     * @throws ValidationException  if {@code id} is empty or already used under {@code scope}
     */
    public static <S extends Construct> S check(S scope, String id) {
        Objects.requireNonNull(scope, "scope must not be null");
        if (id == null) {
            throw new NullPointerException(prefix(scope.getNode().getPath()) + "id must not be null");
        }
        if (id.isBlank()) {
            String parent = scope.getNode().getPath();
            throw new ValidationException(parent.isEmpty() ? "(app)" : parent, "id", id,
                    "expected a non-empty construct id (it becomes part of Terraform addresses)");
        }
        // Terraform names (the construct path joined by '_') may hold only letters, digits, '_'
        // and '-', and must start with a letter or '_' ("Resource names", Terraform language docs).
        if (!NAME.matcher(id).matches()) {
            throw new ValidationException(join(scope.getNode().getPath(), id), "id", id,
                    "expected letters, digits, '_' or '-' only (it becomes part of Terraform addresses such as"
                            + " aws_vpc.network_vpc)");
        }
        if (scope instanceof GrowStack && !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
            throw new ValidationException(join(scope.getNode().getPath(), id), "id", id,
                    "expected an id starting with a letter or '_' (Terraform names its resources after it)");
        }
        if (taken(scope, id)) {
            String parent = scope.getNode().getPath();
            throw new ValidationException(join(parent, id), "id", id,
                    "expected an id not yet used under " + (parent.isEmpty() ? "the app" : parent)
                            + ": a construct '" + id + "' is already there");
        }
        PENDING.set(new Pending(scope, id, join(LogicalIds.scopePath(scope), id), LogicalIds.stackOf(scope)));
        return scope;
    }

    /**
     * Called by a block right after {@code super(Ids.check(scope, id, ...), id)}: the path and stack
     * of the construct just created are known from {@code check}, so nobody asks cdktf's Node process
     * for them again (four round trips per block otherwise).
     */
    public static void created(Construct construct) {
        Pending pending = PENDING.get();
        PENDING.remove();
        if (pending != null) {
            LogicalIds.remember(construct, pending.path(),
                    construct instanceof GrowStack stack ? stack : pending.stack());
            CHILDREN.computeIfAbsent(pending.scope(), s -> new HashSet<>()).add(pending.id());
        }
    }

    // Under a block only growstack makes constructs, and every one of them passes through here, so
    // the ids already used there are known without asking cdktf's Node process (that question, and
    // the block's node it needs, were three round trips per block). Under a stack, the app or a
    // user's own construct, users' cdktf constructs sit beside ours: ask the constructs library.
    private static boolean taken(Construct scope, String id) {
        if (!(scope instanceof GrowStack) && LogicalIds.isBlock(scope)) {
            Set<String> used = CHILDREN.get(scope);
            return used != null && used.contains(id);
        }
        return LogicalIds.node(scope).tryFindChild(id) != null;
    }

    /**
     * The growstack-worded error for cdktf's refusal of a duplicate construct id, when {@code failure}
     * is that refusal of the construct {@link #check} last let through on this thread (a user's own
     * cdktf construct under a block took the id first); otherwise {@code null}.
     */
    static ValidationException duplicateId(RuntimeException failure) {
        Pending pending = PENDING.get();
        String message = failure.getMessage();
        if (pending == null || message == null || !message.contains("There is already a Construct with name '"
                + pending.id() + "'")) {
            return null;
        }
        PENDING.remove();
        String parent = LogicalIds.scopePath(pending.scope());
        return new ValidationException(pending.path(), "id", pending.id(),
                "expected an id not yet used under " + (parent.isEmpty() ? "the app" : parent)
                        + ": a construct '" + pending.id() + "' is already there");
    }

    private record Pending(Construct scope, String id, String path, GrowStack stack) {
    }

    /** Like {@link #check(Construct, String)}, and {@code props} must not be null. */
    public static <S extends Construct> S check(S scope, String id, Object props) {
        check(scope, id);
        if (props == null) {
            throw new NullPointerException(join(scope.getNode().getPath(), id) + ": props must not be null");
        }
        return scope;
    }

    /**
     * Throws a {@link NullPointerException} naming {@code argument} of the construct being built as
     * {@code id} under {@code scope} when {@code value} is null; returns {@code value} otherwise.
     */
    public static <T> T notNull(Construct scope, String id, T value, String argument) {
        Args.notNull(scope, "scope");
        if (value == null) {
            throw new NullPointerException(join(scope.getNode().getPath(), id) + ": " + argument + " must not be null");
        }
        return value;
    }

    private static String join(String parent, String id) {
        return parent.isEmpty() ? id : parent + "/" + id;
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
