package io.growstack.host;

import static io.growstack.testing.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.growstack.core.Ami;
import io.growstack.core.Architecture;
import io.growstack.testing.TestStacks;
import io.growstack.testing.TestStacks.Synthesized;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HostTest {
    private static HostSettings.Builder nano() {
        return HostSettings.builder("t3.nano");
    }

    @Test
    void anUnknownInstanceTypeIsRejectedUnderThePropertyPrefixOfTheBlock() {
        assertRejected("host-type", stack -> Host.of(stack, "nat.", HostSettings.builder("x9.nano").build()),
                "app: property 'nat.instanceType' is 'x9.nano': expected an EC2 instance type growstack knows,"
                        + " such as t4g.micro, t3.nano or m7g.large");
    }

    @Test
    void anImageOfTheOtherArchitectureOrAMalformedIdIsRejected() {
        assertRejected("host-arch", stack -> Host.of(stack, "", nano().ami(TestStacks.ARM_AMI).build()),
                "app: property 'ami' is 'ami-0fedcba9876543210 (arm64)': expected an x86_64 image for instance type"
                        + " t3.nano");
        assertRejected("host-ami-id", stack -> Host.of(stack, "", nano().ami(Ami.of("ami-1", Architecture.X86_64))
                        .build()),
                "app: property 'ami' is 'ami-1': expected an AMI id such as ami-0123456789abcdef0");
    }

    @Test
    void aRootVolumeOutsideEightGibToGp3sLargestIsRejected() {
        assertRejected("host-small-disk", stack -> Host.of(stack, "", nano().rootVolumeGb(7).build()),
                "app: property 'rootVolumeGb' is '7': expected 8..16384 GiB (Amazon Linux 2023 needs 8)");
        assertRejected("host-large-disk", stack -> Host.of(stack, "", nano().rootVolumeGb(16385).build()),
                "app: property 'rootVolumeGb' is '16385': expected 8..16384 GiB (Amazon Linux 2023 needs 8)");
    }

    @Test
    void aCreditModeOtherThanStandardOrUnlimitedIsRejected() {
        assertRejected("host-credits", stack -> Host.of(stack, "", nano().cpuCredits("boost").build()),
                "app: property 'cpuCredits' is 'boost': expected standard or unlimited");
    }

    @Test
    void aManagedPolicyThatIsNotAnArnIsRejected() {
        assertRejected("host-policy", stack -> Host.of(stack, "", nano().managedPolicyArns(List.of("ReadOnly"))
                        .build()),
                "app: property 'managedPolicyArns' is 'ReadOnly': expected an IAM managed policy ARN such as"
                        + " arn:aws:iam::aws:policy/ReadOnlyAccess or arn:aws:iam::123456789012:policy/my-policy");
    }

    @Test
    void aSpotInterruptionAwsDoesNotOfferIsRejected() {
        assertRejected("host-spot", stack -> Host.of(stack, "", nano()
                        .spot(SpotSettings.defaults().withInterruptionBehavior("pause")).build()),
                "app: property 'spot.interruptionBehavior' is 'pause': expected stop, hibernate or terminate");
    }

    @Test
    void userDataOverEc2sLimitIsRejectedUnlessTerraformFillsItIn() {
        String big = "#!/bin/bash\n" + "x".repeat(Host.MAX_USER_DATA_BYTES);
        assertRejected("host-user-data", stack -> Host.of(stack, "", nano().userData(big).build()),
                "app: property 'userData' is '" + big.length() + " characters': expected at most 16384 bytes"
                        + " (EC2's limit); fetch larger files from S3");
        TestStacks.synthStack("host-user-data-reference", stack ->
                Host.of(stack, "", nano().userData(big + "${aws_instance.api.private_ip}").build()));
    }

    @Test
    void burstableTypesGetTheCreditModeAndOtherTypesNone() {
        AtomicReference<Host> standard = new AtomicReference<>();
        AtomicReference<Host> unlimited = new AtomicReference<>();
        AtomicReference<Host> large = new AtomicReference<>();
        TestStacks.synthStack("host-credits-ok", stack -> {
            standard.set(Host.of(stack, "", nano().build()));
            unlimited.set(Host.of(stack, "", nano().cpuCredits("unlimited").build()));
            large.set(Host.of(stack, "", HostSettings.builder("m7g.large").build()));
        });
        assertThat(standard.get().instanceCredits().cpuCredits()).isEqualTo("standard");
        assertThat(standard.get().templateCredits().cpuCredits()).isEqualTo("standard");
        assertThat(unlimited.get().instanceCredits().cpuCredits()).isEqualTo("unlimited");
        assertThat(large.get().instanceCredits()).isNull();
        assertThat(large.get().templateCredits()).isNull();
    }

    @Test
    void onlyATerminatingSpotInstanceIsAOneTimeRequest() {
        AtomicReference<List<Host>> hosts = new AtomicReference<>();
        TestStacks.synthStack("host-spot-ok", stack -> hosts.set(List.of(
                Host.of(stack, "", nano().spot(SpotSettings.oneTime()).build()),
                Host.of(stack, "", nano().spot(SpotSettings.defaults().withMaxPrice("0.003")).build()),
                Host.of(stack, "", nano().spot(SpotSettings.oneTime()).onDemand().build()))));
        assertThat(hosts.get().get(0).instanceMarket().spotOptions().spotInstanceType()).isEqualTo("one-time");
        assertThat(hosts.get().get(1).instanceMarket().spotOptions().spotInstanceType()).isEqualTo("persistent");
        assertThat(hosts.get().get(1).instanceMarket().spotOptions().maxPrice()).isEqualTo("0.003");
        assertThat(hosts.get().get(2).instanceMarket()).isNull();
    }

    @Test
    void anExplicitImageIsUsedAsGivenAndTheDefaultIsReadFromSsmForTheTypesArchitecture() {
        AtomicReference<String> explicit = new AtomicReference<>();
        AtomicReference<String> lookedUp = new AtomicReference<>();
        Synthesized s = TestStacks.synthStack("host-image", stack -> {
            explicit.set(Host.of(stack, "", nano().ami(TestStacks.X86_AMI).build()).imageId(stack, "unused"));
            lookedUp.set(Host.of(stack, "", HostSettings.builder("t4g.micro").build()).imageId(stack, "box-ami"));
        });
        assertThat(explicit.get()).isEqualTo("ami-0123456789abcdef0");
        assertThat(lookedUp.get()).isEqualTo("${data.aws_ssm_parameter.box-ami.insecure_value}");
        assertThat(s.json().path("data").path("aws_ssm_parameter").path("box-ami").path("name").asText())
                .isEqualTo("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
        assertThat(s.json().path("data").path("aws_ssm_parameter").has("unused")).isFalse();
    }

    @Test
    void everyHostRequiresImdsV2AndAnEncryptedGp3RootOfTheGivenSize() {
        AtomicReference<Host> host = new AtomicReference<>();
        TestStacks.synthStack("host-launch", stack -> host.set(Host.of(stack, "", nano().rootVolumeGb(20).build())));
        assertThat(host.get().instanceMetadata().httpTokens()).isEqualTo("required");
        assertThat(host.get().templateMetadata().httpTokens()).isEqualTo("required");
        assertThat(host.get().instanceRootVolume().volumeSize()).isEqualTo(20);
        assertThat(host.get().instanceRootVolume().encrypted()).isTrue();
        assertThat(host.get().templateRootVolume()).singleElement()
                .satisfies(mapping -> assertThat(mapping.deviceName()).isEqualTo(Host.ROOT_DEVICE_NAME));
    }
}
