package io.growstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrafanaTunnelTest {
    @Test
    void theSshCommandLetsTheBastionForwardGrafanaAndPrometheus() {
        assertThat(GrafanaTunnel.ssh("3.35.10.20", "10.0.128.5"))
                .isEqualTo("ssh -N -L 3000:10.0.128.5:3000 -L 9090:10.0.128.5:9090 ec2-user@3.35.10.20");
    }

    @Test
    void theSsmCommandForwardsGrafanaThroughTheBastionsAgent() {
        assertThat(GrafanaTunnel.ssm("ap-northeast-2", "i-0123456789abcdef0", "10.0.128.5"))
                .isEqualTo("aws ssm start-session --region ap-northeast-2 --target i-0123456789abcdef0"
                        + " --document-name AWS-StartPortForwardingSessionToRemoteHost"
                        + " --parameters '{\"host\":[\"10.0.128.5\"],\"portNumber\":[\"3000\"],\"localPortNumber\":[\"3000\"]}'");
    }
}
