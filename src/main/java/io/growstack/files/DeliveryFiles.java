package io.growstack.files;

import io.growstack.core.Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files a repository commits for one delivery, rendered from its {@link DeliveryManifest} with
 * the stack's real names: the bundle's {@code appspec.yml} ({@link AppSpec}) and hook scripts under
 * {@code deploy/<name>/}, the API workflow {@code .github/workflows/deploy-<name>.yml} and, with a
 * static site, {@code .github/workflows/site-<name>.yml}. YAML is written by Jackson from maps.
 *
 * <p>Values Terraform only knows after apply (the deploy role's ARN, the distribution id) are read
 * from GitHub repository variables ({@link #variables()}), unless the manifest came from
 * {@code terraform output -json}, where they are real.
 */
public final class DeliveryFiles {
    private final DeliveryManifest m;
    private final Map<String, String> files = new TreeMap<>();
    private final RepositoryVariables variables;

    private DeliveryFiles(DeliveryManifest manifest) {
        this.m = manifest;
        this.variables = new RepositoryVariables(manifest);
        String dir = bundleDirectory();
        files.put(dir + "/appspec.yml", AppSpec.render(m));
        files.put(dir + "/scripts/stop.sh", HookScripts.stop(m));
        files.put(dir + "/scripts/install.sh", HookScripts.install(m));
        files.put(dir + "/scripts/start.sh", HookScripts.start(m));
        files.put(dir + "/scripts/validate.sh", HookScripts.validate(m));
        files.put(apiWorkflowPath(), ApiWorkflow.render(m, variables, dir));
        if (m.site() != null) {
            // After the API workflow: its header lists every variable read so far, the API workflow's too.
            files.put(siteWorkflowPath(), SiteWorkflow.render(m, variables));
        }
    }

    /** The files for {@code manifest}. */
    public static DeliveryFiles of(DeliveryManifest manifest) {
        Args.notNull(manifest, "manifest");
        return new DeliveryFiles(manifest);
    }

    /** Path → content, sorted by path. */
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    /** The GitHub repository variables the workflows read, each with the value to give it. */
    public List<String> variables() {
        return variables.entries();
    }

    /** The folder of the bundle's own files (appspec and scripts). */
    public String bundleDirectory() {
        return "deploy/" + m.name();
    }

    /** The API workflow's path. */
    public String apiWorkflowPath() {
        return ".github/workflows/deploy-" + m.name() + ".yml";
    }

    /** The static-site workflow's path. */
    public String siteWorkflowPath() {
        return ".github/workflows/site-" + m.name() + ".yml";
    }

    /** Writes every file below {@code root} (scripts executable) and returns the paths written. */
    public List<Path> writeTo(Path root) {
        List<Path> written = new ArrayList<>();
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
                if (file.getKey().endsWith(".sh")) {
                    makeExecutable(path);
                }
                written.add(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the delivery files below " + root, e);
        }
        return written;
    }

    private static void makeExecutable(Path path) throws IOException {
        try {
            Set<PosixFilePermission> mode = new HashSet<>(Files.getPosixFilePermissions(path));
            mode.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(path, mode);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: git keeps the mode the scripts get from the bundle's zip.
        }
    }
}
