package io.growstack.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudConfigTest {
    private static CloudConfig.Builder proxy() {
        return CloudConfig.builder()
                .comment("growstack test: one line")
                .comment("and another")
                .addPackage("nginx")
                .addFile("/etc/growstack/a.conf", "0644", "worker_processes auto;\nevents {}\n")
                .addCommand("nginx -t");
    }

    @Test
    void itIsACloudConfigWithItsCommentsThenPackagesFilesAndCommandsInCloudInitsKeys() {
        assertThat(proxy().build().render("test")).isEqualTo("""
                #cloud-config
                # growstack test: one line
                # and another
                packages:
                  - nginx
                write_files:
                  - path: /etc/growstack/a.conf
                    owner: root:root
                    permissions: "0644"
                    content: |
                      worker_processes auto;
                      events {}
                runcmd:
                  - nginx -t
                """);
    }

    @Test
    void anEmptySectionIsLeftOutAndLongLinesAreNeverSplit() {
        String command = "echo" + " word".repeat(40);
        String text = CloudConfig.builder().addCommand(command).build().render("test");
        assertThat(text).isEqualTo("#cloud-config\nruncmd:\n  - " + command + "\n")
                .doesNotContain("packages", "write_files");
    }

    @Test
    void theSameValueRendersTheSameBytesAndListsItsFiles() {
        CloudConfig config = proxy().build();
        assertThat(proxy().build().render("test")).isEqualTo(config.render("test"));
        assertThat(config.writeFiles()).extracting(CloudConfig.WriteFile::path).containsExactly("/etc/growstack/a.conf");
    }

    @Test
    void aNullPieceIsNamed() {
        assertThatThrownBy(() -> CloudConfig.builder().addFile("/etc/x", "0644", null))
                .isInstanceOf(NullPointerException.class).hasMessage("content must not be null");
    }
}
