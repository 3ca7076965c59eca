package io.growstack.delivery;

/** CodeDeploy's predefined deployment configurations for EC2 instances. */
public enum DeploymentConfig {
    /** One instance at a time; the deployment fails at the first instance that fails. */
    ONE_AT_A_TIME("CodeDeployDefault.OneAtATime"),
    /** Half of the instances at a time. */
    HALF_AT_A_TIME("CodeDeployDefault.HalfAtATime"),
    /** Every instance at once (in blue/green: every replacement instance, before traffic moves). */
    ALL_AT_ONCE("CodeDeployDefault.AllAtOnce");

    private final String configName;

    DeploymentConfig(String configName) {
        this.configName = configName;
    }

    /** The name CodeDeploy knows it by, for example {@code CodeDeployDefault.OneAtATime}. */
    public String configName() {
        return configName;
    }
}
