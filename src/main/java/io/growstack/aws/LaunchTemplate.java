package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_launch_template}: how an Auto Scaling group launches its instances.
 * {@code userData} must be base64 (the provider does not encode it, unlike {@code aws_instance}).
 * Nested records are the provider's blocks.
 */
public record LaunchTemplate(
        String name,
        String description,
        String imageId,
        String instanceType,
        String keyName,
        List<String> vpcSecurityGroupIds,
        String userData,
        Boolean updateDefaultVersion,
        IamInstanceProfile iamInstanceProfile,
        MetadataOptions metadataOptions,
        List<BlockDeviceMapping> blockDeviceMappings,
        CreditSpecification creditSpecification,
        Monitoring monitoring,
        List<NetworkInterfaces> networkInterfaces,
        List<TagSpecification> tagSpecifications,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_launch_template";
    }

    /** A copy with other (already encoded) user data. */
    public LaunchTemplate withUserData(String replacement) {
        return new LaunchTemplate(name, description, imageId, instanceType, keyName, vpcSecurityGroupIds, replacement,
                updateDefaultVersion, iamInstanceProfile, metadataOptions, blockDeviceMappings, creditSpecification,
                monitoring, networkInterfaces, tagSpecifications, tags);
    }

    /** The instance profile, by ARN or name (give one). */
    public record IamInstanceProfile(String arn, String name) {
        /** The profile with this ARN. */
        public static IamInstanceProfile ofArn(String arn) {
            return new IamInstanceProfile(arn, null);
        }
    }

    /** The instance metadata service settings; {@code httpTokens = "required"} enforces IMDSv2. */
    public record MetadataOptions(String httpEndpoint, String httpTokens, Integer httpPutResponseHopLimit,
                                  String instanceMetadataTags) {
        /** IMDSv2 only, one network hop (containers on the host cannot reach it), no tags in metadata. */
        public static MetadataOptions imdsv2() {
            return new MetadataOptions("enabled", "required", 1, "disabled");
        }
    }

    /** One block device; {@code ebs} describes an EBS volume. */
    public record BlockDeviceMapping(String deviceName, Ebs ebs) {
    }

    /**
     * An EBS volume. The provider types {@code encrypted} and {@code deleteOnTermination} as strings
     * ({@code "true"}/{@code "false"}, empty for the AMI's setting), so they are strings here too.
     */
    public record Ebs(String volumeType, Integer volumeSize, String encrypted, String deleteOnTermination,
                      String kmsKeyId) {
        /** An encrypted gp3 volume of {@code sizeGb} (the account's default EBS key), deleted with the instance. */
        public static Ebs encryptedGp3(int sizeGb) {
            return new Ebs("gp3", sizeGb, "true", "true", null);
        }
    }

    /** Burstable CPU credit mode ({@code standard} or {@code unlimited}). */
    public record CreditSpecification(String cpuCredits) {
    }

    /** Detailed (one-minute) CloudWatch monitoring, billed per instance. */
    public record Monitoring(Boolean enabled) {
    }

    /**
     * The interface at {@code deviceIndex} the instance launches with. Give security groups here
     * instead of {@code vpcSecurityGroupIds} (AWS rejects both). The provider types
     * {@code associatePublicIpAddress} and {@code deleteOnTermination} as strings.
     */
    public record NetworkInterfaces(Integer deviceIndex, String associatePublicIpAddress,
                                    String deleteOnTermination, List<String> securityGroups) {
    }

    /** Tags applied at launch to resources of {@code resourceType} ({@code instance}, {@code volume}, ...). */
    public record TagSpecification(String resourceType, Map<String, String> tags) {
    }
}
