package io.growstack.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The READMEs as a test. Every shell block ({@code ```sh}) in README.md and the example READMEs
 * is either marked runnable by an HTML comment right above it —
 * {@code <!-- readme-test: run; expect: REGEX; writes: PATH; unchanged: PATH -->} — or carries a
 * visible "Not run here: reason" line right above it; an unmarked block fails the test. The
 * runnable blocks of README.md run in order, each with {@code sh -e}, on a fresh copy of the
 * repository (the files git would check out, including uncommitted edits; no target/, no
 * cdktf.out) under CI=true, and must exit 0 and print or write what their marker says. The
 * README's PATH step ({@code export PATH=".../target/growstack/bin:$PATH"}) holds for the blocks
 * after it, as it would in the reader's shell.
 */
class ReadmeIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofMinutes(6);
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern RUN = Pattern.compile("^<!-- readme-test: run(.*)-->$");
    private static final Pattern NOT_RUN = Pattern.compile("(?i)not run here: \\S");

    /** One shell block of a README, with its marker. */
    record Block(Path readme, int line, String code, String marker, boolean run) {
        String where() {
            return ROOT.relativize(readme) + ":" + line;
        }

        List<String> values(String key) {
            List<String> values = new ArrayList<>();
            for (String part : marker.split(";")) {
                String trimmed = part.strip();
                if (trimmed.startsWith(key + ":")) {
                    values.add(trimmed.substring(key.length() + 1).strip());
                }
            }
            return values;
        }
    }

    static List<Block> blocks(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches() || open.group(1).isEmpty()) {
                continue;
            }
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            if (!List.of("sh", "bash", "shell", "console").contains(open.group(1))) {
                continue;
            }
            String before = "";
            for (int j = start - 1; j >= 0; j--) {
                if (!lines.get(j).isBlank()) {
                    before = lines.get(j).strip();
                    break;
                }
            }
            Matcher run = RUN.matcher(before);
            blocks.add(new Block(readme, start + 1, code.toString(), run.matches() ? run.group(1) : before,
                    run.matches()));
        }
        return blocks;
    }

    private static List<Path> readmes() throws IOException {
        List<Path> readmes = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
            examples.map(e -> e.resolve("README.md")).filter(Files::isRegularFile).sorted().forEach(readmes::add);
        }
        return readmes;
    }

    @Test
    void everyShellBlockIsRunOrSaysWhyNot() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path readme : readmes()) {
            for (Block block : blocks(readme)) {
                if (!block.run() && !NOT_RUN.matcher(block.marker()).find()) {
                    unmarked.add(block.where() + " (mark it <!-- readme-test: run ... --> or say \"Not run here: reason\")");
                }
                if (block.run() && !readme.equals(ROOT.resolve("README.md"))) {
                    unmarked.add(block.where() + " is marked runnable, but only README.md's blocks are run");
                }
            }
        }
        assertThat(unmarked).as("shell blocks neither run by this test nor marked as not run").isEmpty();
    }

    @Test
    void theReadmesCommandsRunVerbatimOnAFreshCopy() throws IOException {
        Tools.require("cdktf", "the README runs cdktf synth (npm cdktf-cli@0.19.2)");
        Tools.require("terraform", "the README runs growstack verify");
        Tools.require("dot", "the README runs growstack diagram (Graphviz)");
        Path copy = freshCopy();
        List<Block> runnable = blocks(ROOT.resolve("README.md")).stream().filter(Block::run).toList();
        assertThat(runnable).as("runnable blocks of README.md").hasSizeGreaterThanOrEqualTo(5);
        for (Block block : runnable) {
            Map<Path, byte[]> before = new java.util.HashMap<>();
            for (String path : block.values("unchanged")) {
                Path file = copy.resolve(path);
                assertThat(file).as(block.where() + ": " + path + " exists before the block").isRegularFile();
                before.put(file, Files.readAllBytes(file));
            }
            long started = System.nanoTime();
            Tools.ProcessResult result = Tools.run(TIMEOUT, List.of("sh", "-ec", block.code()), copy,
                    Map.of("CI", "true", "CHECKPOINT_DISABLE", "1",
                            "PATH", copy.resolve("target/growstack/bin") + ":" + System.getenv("PATH")));
            System.out.printf("ReadmeIT: %s ran in %.1f s%n", block.where(), (System.nanoTime() - started) / 1e9);
            assertThat(result.ok()).as(block.where() + " runs\n" + result.describe()).isTrue();
            String output = result.stdout() + result.stderr();
            for (String expect : block.values("expect")) {
                assertThat(output).as(block.where() + " prints /" + expect + "/\n" + result.describe())
                        .containsPattern(expect);
            }
            for (String path : block.values("writes")) {
                assertThat(copy.resolve(path)).as(block.where() + " writes " + path).exists();
            }
            before.forEach((file, bytes) -> {
                try {
                    assertThat(Files.readAllBytes(file)).as(block.where() + " leaves the same bytes in " + file)
                            .isEqualTo(bytes);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(output).as(block.where() + ": jsii's Node banner").doesNotContain("!!!!!!!!");
        }
    }

    // What a clone would hold: the files git tracks or would track (not ignored), as they are now.
    private static Path freshCopy() throws IOException {
        Path copy = ROOT.resolve("target/it-readme/repo");
        io.growstack.testing.TestStacks.deleteTree(copy.getParent());
        Tools.ProcessResult files = Tools.run(Duration.ofMinutes(1),
                List.of("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"), ROOT, Map.of());
        assertThat(files.ok()).as(files.describe()).isTrue();
        for (String name : files.stdout().split("\0")) {
            Path from = ROOT.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(from)) {
                continue; // deleted but not yet committed
            }
            Path to = copy.resolve(name);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return copy;
    }
}
