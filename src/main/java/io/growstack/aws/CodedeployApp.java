package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_codedeploy_app}: a CodeDeploy application.
 *
 * @param name            the application name, unique in the account and region
 * @param computePlatform {@code Server} (EC2 and on-premises), {@code Lambda} or {@code ECS}
 * @param tags            resource tags
 */
public record CodedeployApp(String name, String computePlatform, Map<String, String> tags) implements ResourceArgs {
    /** The compute platform of EC2 instances. */
    public static final String SERVER = "Server";

    @Override
    public String terraformType() {
        return "aws_codedeploy_app";
    }
}
