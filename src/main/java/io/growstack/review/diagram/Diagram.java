package io.growstack.review.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import io.growstack.model.StackModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The architecture diagram of one synthesized stack ({@code cdk.tf.json}): the VPC with its public
 * and private subnets (one column per availability zone), the instances, groups, load balancers,
 * NATs, databases and caches inside them, S3, CodeDeploy, CloudFront and GitHub outside, and arrows
 * for the traffic the security groups allow (labelled with the ports) and the private subnets'
 * default routes to their NAT. It reads only the JSON, so resources added by hand appear too.
 *
 * <p>The layout is Graphviz's: {@link #dot()} is the DOT text (deterministic), {@link #svg()} runs
 * {@code dot -Tsvg} on it.
 *
 * <pre>{@code
 * Diagram diagram = Diagram.of(json);
 * Files.writeString(Path.of("architecture.svg"), diagram.svg());
 * }</pre>
 */
public final class Diagram {
    /** How long {@code dot} may take. */
    public static final long TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String dot;

    private Diagram(String dot) {
        this.dot = dot;
    }

    /** The diagram of a parsed {@code cdk.tf.json}. */
    public static Diagram of(JsonNode stack) {
        return of(StackModel.of(stack));
    }

    /** The diagram of {@code stack}. */
    public static Diagram of(StackModel stack) {
        return new Diagram(DotWriter.write(new Topology(stack)));
    }

    /** The diagram of the stack file {@code file}. */
    public static Diagram read(Path file) {
        try {
            return of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The Graphviz DOT text. */
    public String dot() {
        return dot;
    }

    /** The diagram laid out by Graphviz as SVG; needs {@code dot} on the PATH (Debian package graphviz). */
    public String svg() {
        return new String(render(dot, "svg"), StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code dot -T<format>} on DOT text and returns its output.
     *
     * @throws IllegalStateException when {@code dot} is missing, fails or times out
     */
    public static byte[] render(String dot, String format) {
        if (!format.matches("[a-z]+")) {
            throw new IllegalArgumentException("Graphviz output format '" + format + "': expected svg, png, plain, ...");
        }
        Path input = null;
        Path output = null;
        Path errors = null;
        try {
            input = Files.createTempFile("growstack-diagram-", ".dot");
            output = Files.createTempFile("growstack-diagram-", "." + format);
            errors = Files.createTempFile("growstack-diagram-", ".err");
            Files.writeString(input, dot, StandardCharsets.UTF_8);
            Process process;
            try {
                process = new ProcessBuilder(List.of("dot", "-T" + format, input.toString()))
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                throw new IllegalStateException("Graphviz 'dot' is not on the PATH: install graphviz (Debian and"
                        + " Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or write the DOT text"
                        + " instead (growstack diagram --dot)", e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Graphviz 'dot' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Graphviz 'dot' failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Graphviz 'dot'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Graphviz 'dot' ran", e);
        } finally {
            delete(input);
            delete(output);
            delete(errors);
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            new File(file.toString()).delete();
        }
    }
}
