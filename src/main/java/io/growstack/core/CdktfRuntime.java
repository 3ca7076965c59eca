package io.growstack.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts jsii's Node process and loads cdktf's JavaScript on a second thread, so that a command
 * line which will synthesize can parse its arguments and load its Java classes meanwhile: the Node
 * side takes about half a second to boot, and nothing else the JVM does needs it.
 *
 * <p>jsii's kernel speaks one request at a time over one pipe, so nothing may use cdktf until the
 * start is over; {@link Synthesizer} waits for it before it makes the {@code App}. Only the
 * command line calls {@link #startEarly()}: a program that never does so is not affected.
 */
public final class CdktfRuntime {
    private static volatile CompletableFuture<Void> started;

    private CdktfRuntime() {
    }

    /** Begins booting the Node side; returns at once. A second call does nothing. */
    public static synchronized void startEarly() {
        if (started != null) {
            return;
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        started = future;
        Thread thread = new Thread(() -> {
            try {
                software.amazon.jsii.JsiiEngine.getInstance().loadModule(com.hashicorp.cdktf.$Module.class);
                future.complete(null);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "growstack-cdktf-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Node.js could not be started for cdktf (not installed, not on PATH). */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(Throwable cause) {
            super("cannot start Node.js, which runs cdktf's JavaScript (jsii starts it as 'node' from PATH, or"
                    + " $JSII_NODE): " + cause.getMessage() + "; install Node.js 18 or newer", cause);
        }
    }

    /** {@code failure} in growstack's words when it is jsii failing to start Node.js; otherwise itself. */
    static RuntimeException explain(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException && String.valueOf(cause.getMessage()).startsWith("Cannot run program")) {
                return new Unavailable(cause);
            }
        }
        return failure;
    }

    /** Waits for {@link #startEarly()} to finish, if it was called; rethrows what the start threw. */
    static void awaitStarted() {
        CompletableFuture<Void> future = started;
        if (future == null) {
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cdktf's Node process was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("cdktf's Node process did not start", e.getCause());
        }
    }
}
