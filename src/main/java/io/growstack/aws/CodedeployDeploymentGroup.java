package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_codedeploy_deployment_group}: where and how a CodeDeploy application is
 * deployed. Nested records are the provider's blocks; the instances are named by Auto Scaling group
 * ({@code autoscalingGroups}) or by EC2 tags ({@code ec2TagSet}).
 *
 * @param appName                    the application's name
 * @param deploymentGroupName        the group's name, unique in the application
 * @param serviceRoleArn             the role CodeDeploy acts as
 * @param deploymentConfigName       for example {@code CodeDeployDefault.OneAtATime}
 * @param autoscalingGroups          Auto Scaling group names (the original environment in blue/green)
 * @param deploymentStyle            in-place or blue/green, with or without traffic control
 * @param ec2TagSet                  tag filters that select instances
 * @param loadBalancerInfo           the target group traffic is controlled through
 * @param blueGreenDeploymentConfig  how the replacement fleet is found and the original one retired
 * @param autoRollbackConfiguration  when CodeDeploy redeploys the last good revision by itself
 * @param tags                       resource tags
 */
public record CodedeployDeploymentGroup(
        String appName,
        String deploymentGroupName,
        String serviceRoleArn,
        String deploymentConfigName,
        List<String> autoscalingGroups,
        DeploymentStyle deploymentStyle,
        List<Ec2TagSet> ec2TagSet,
        LoadBalancerInfo loadBalancerInfo,
        BlueGreenDeploymentConfig blueGreenDeploymentConfig,
        AutoRollbackConfiguration autoRollbackConfiguration,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_codedeploy_deployment_group";
    }

    /**
     * {@code deploymentType} {@code IN_PLACE} or {@code BLUE_GREEN}; {@code deploymentOption}
     * {@code WITH_TRAFFIC_CONTROL} (through the load balancer) or {@code WITHOUT_TRAFFIC_CONTROL}.
     */
    public record DeploymentStyle(String deploymentOption, String deploymentType) {
    }

    /** One set of tag filters; an instance must match a filter of every set. */
    public record Ec2TagSet(List<Ec2TagFilter> ec2TagFilter) {
    }

    /** One tag filter; {@code type} is {@code KEY_ONLY}, {@code VALUE_ONLY} or {@code KEY_AND_VALUE}. */
    public record Ec2TagFilter(String key, String type, String value) {
        /** Instances whose tag {@code key} is {@code value}. */
        public static Ec2TagFilter keyAndValue(String key, String value) {
            return new Ec2TagFilter(key, "KEY_AND_VALUE", value);
        }
    }

    /** The target groups of an Application Load Balancer, by name. */
    public record LoadBalancerInfo(List<TargetGroupInfo> targetGroupInfo) {
        /** One target group by name. */
        public static LoadBalancerInfo targetGroup(String name) {
            return new LoadBalancerInfo(List.of(new TargetGroupInfo(name)));
        }
    }

    /** A target group's name. */
    public record TargetGroupInfo(String name) {
    }

    /** The three blue/green settings. */
    public record BlueGreenDeploymentConfig(DeploymentReadyOption deploymentReadyOption,
                                            GreenFleetProvisioningOption greenFleetProvisioningOption,
                                            TerminateBlueInstancesOnDeploymentSuccess
                                                    terminateBlueInstancesOnDeploymentSuccess) {
    }

    /**
     * When traffic moves to the replacement fleet: {@code CONTINUE_DEPLOYMENT} at once, or
     * {@code STOP_DEPLOYMENT} unless someone continues it within {@code waitTimeInMinutes}.
     */
    public record DeploymentReadyOption(String actionOnTimeout, Integer waitTimeInMinutes) {
    }

    /** {@code DISCOVER_EXISTING} (instances given at deployment) or {@code COPY_AUTO_SCALING_GROUP}. */
    public record GreenFleetProvisioningOption(String action) {
    }

    /** What happens to the original fleet: {@code TERMINATE} after a wait, or {@code KEEP_ALIVE}. */
    public record TerminateBlueInstancesOnDeploymentSuccess(String action, Integer terminationWaitTimeInMinutes) {
    }

    /** Whether and on which events ({@code DEPLOYMENT_FAILURE}, ...) CodeDeploy rolls back by itself. */
    public record AutoRollbackConfiguration(Boolean enabled, List<String> events) {
    }
}
