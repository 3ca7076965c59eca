package io.growstack.monitoring;

/**
 * The commands that open Grafana (and Prometheus) on the operator's machine through the bastion. The
 * bastion does the forwarding: its security group is the only one the monitoring host admits on
 * {@value Monitoring#GRAFANA_PORT} and {@value Monitoring#PROMETHEUS_PORT}, so the monitoring host
 * needs no SSH port, no key pair and no public address.
 *
 * <ul>
 *   <li>{@link #ssh}: {@code ssh -N -L 3000:<monitoring private ip>:3000 -L 9090:<monitoring private ip>:9090
 *       ec2-user@<bastion public ip>}, for a bastion whose SSH allow-list holds the caller's address;
 *   <li>{@link #ssm}: the same forward of 3000 through SSM Session Manager on the bastion
 *       ({@code AWS-StartPortForwardingSessionToRemoteHost}), for a bastion with no port 22 at all.
 * </ul>
 *
 * Then open http://localhost:3000. Arguments may be values or Terraform references: the block builds
 * its outputs from references, the {@code growstack tunnel} command from the values in the state.
 */
public final class GrafanaTunnel {
    /** The login user of Amazon Linux. */
    public static final String SSH_USER = "ec2-user";
    /** The SSM document that forwards a local port to a host the target instance reaches. */
    public static final String SSM_DOCUMENT = "AWS-StartPortForwardingSessionToRemoteHost";

    private GrafanaTunnel() {
    }

    /** The SSH command: both ports forwarded by the bastion, no remote shell ({@code -N}). */
    public static String ssh(String bastionPublicIp, String monitoringPrivateIp) {
        return "ssh -N -L " + Monitoring.GRAFANA_PORT + ":" + monitoringPrivateIp + ":" + Monitoring.GRAFANA_PORT
                + " -L " + Monitoring.PROMETHEUS_PORT + ":" + monitoringPrivateIp + ":" + Monitoring.PROMETHEUS_PORT
                + " " + SSH_USER + "@" + bastionPublicIp;
    }

    /** The Session Manager command (AWS CLI v2 with the Session Manager plugin) forwarding Grafana's port. */
    public static String ssm(String region, String bastionInstanceId, String monitoringPrivateIp) {
        return "aws ssm start-session --region " + region + " --target " + bastionInstanceId
                + " --document-name " + SSM_DOCUMENT + " --parameters '{\"host\":[\"" + monitoringPrivateIp
                + "\"],\"portNumber\":[\"" + Monitoring.GRAFANA_PORT + "\"],\"localPortNumber\":[\""
                + Monitoring.GRAFANA_PORT + "\"]}'";
    }
}
