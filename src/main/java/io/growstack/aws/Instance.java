package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_instance}: one EC2 instance. Nested records are the provider's blocks.
 */
public record Instance(
        String ami,
        String instanceType,
        String subnetId,
        List<String> vpcSecurityGroupIds,
        Boolean associatePublicIpAddress,
        Boolean sourceDestCheck,
        String iamInstanceProfile,
        String keyName,
        String userData,
        Boolean userDataReplaceOnChange,
        Boolean monitoring,
        MetadataOptions metadataOptions,
        RootBlockDevice rootBlockDevice,
        InstanceMarketOptions instanceMarketOptions,
        MaintenanceOptions maintenanceOptions,
        CreditSpecification creditSpecification,
        Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_instance";
    }

    /** A copy with other user data (blocks that add to what a host runs at boot). */
    public Instance withUserData(String replacement) {
        return new Instance(ami, instanceType, subnetId, vpcSecurityGroupIds, associatePublicIpAddress, sourceDestCheck,
                iamInstanceProfile, keyName, replacement, userDataReplaceOnChange, monitoring, metadataOptions,
                rootBlockDevice, instanceMarketOptions, maintenanceOptions, creditSpecification, tags);
    }

    /** The instance metadata service settings; {@code httpTokens = "required"} enforces IMDSv2. */
    public record MetadataOptions(String httpEndpoint, String httpTokens, Integer httpPutResponseHopLimit,
                                  String instanceMetadataTags) {
        /** IMDSv2 only, one network hop (containers on the host cannot reach it), no tags in metadata. */
        public static MetadataOptions imdsv2() {
            return new MetadataOptions("enabled", "required", 1, "disabled");
        }
    }

    /** The root EBS volume. */
    public record RootBlockDevice(String volumeType, Integer volumeSize, Boolean encrypted,
                                  Boolean deleteOnTermination) {
        /** An encrypted gp3 root volume of {@code sizeGb}, deleted with the instance. */
        public static RootBlockDevice encryptedGp3(int sizeGb) {
            return new RootBlockDevice("gp3", sizeGb, true, true);
        }
    }

    /** Spot or capacity-block purchase options. */
    public record InstanceMarketOptions(String marketType, SpotOptions spotOptions) {
    }

    /** Spot settings; {@code maxPrice} null means up to the on-demand price. */
    public record SpotOptions(String instanceInterruptionBehavior, String maxPrice, String spotInstanceType) {
    }

    /** Automatic recovery setting ({@code default} or {@code disabled}). */
    public record MaintenanceOptions(String autoRecovery) {
    }

    /** Burstable CPU credit mode ({@code standard} or {@code unlimited}). */
    public record CreditSpecification(String cpuCredits) {
    }
}
