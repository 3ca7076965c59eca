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

    /**
     * The SSH command preceded by EC2 Instance Connect, for a bastion with no key pair: the operator's
     * public key is pushed to the instance metadata for 60 seconds and SSH logs in with it (Amazon
     * Linux 2023 runs the Instance Connect agent; the caller needs {@code ec2-instance-connect:SendSSHPublicKey}):
     * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-connect-methods.html
     */
    public static String instanceConnect(String region, String bastionInstanceId, String bastionPublicIp,
                                         String monitoringPrivateIp) {
        return "aws ec2-instance-connect send-ssh-public-key --region " + region + " --instance-id "
                + bastionInstanceId + " --instance-os-user " + SSH_USER + " --ssh-public-key "
                + PUBLIC_KEY + " && " + ssh(bastionPublicIp, monitoringPrivateIp);
    }

    /** The operator's public key Instance Connect pushes (the default of ssh-keygen -t ed25519). */
    public static final String PUBLIC_KEY = "file://~/.ssh/id_ed25519.pub";

    /** The Session Manager command (AWS CLI v2 with the Session Manager plugin) forwarding Grafana's port. */
    public static String ssm(String region, String bastionInstanceId, String monitoringPrivateIp) {
        return "aws ssm start-session --region " + region + " --target " + bastionInstanceId
                + " --document-name " + SSM_DOCUMENT + " --parameters '{\"host\":[\"" + monitoringPrivateIp
                + "\"],\"portNumber\":[\"" + Monitoring.GRAFANA_PORT + "\"],\"localPortNumber\":[\""
                + Monitoring.GRAFANA_PORT + "\"]}'";
    }
}
