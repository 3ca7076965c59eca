package io.growstack.host;

import io.growstack.aws.Instance;
import io.growstack.aws.LaunchTemplate;
import io.growstack.aws.SsmParameterData;
import io.growstack.core.Ami;
import io.growstack.core.Arns;
import io.growstack.core.ConstructPaths;
import io.growstack.core.DataSource;
import io.growstack.core.GrowStack;
import io.growstack.core.InstanceType;
import io.growstack.core.Tokens;
import io.growstack.core.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * An EC2 host's checked settings and the launch settings every growstack host gets from them: the
 * image (explicit, pinned in the context, or Amazon Linux 2023 from SSM), IMDSv2 required, an encrypted
 * gp3 root volume, the CPU credit mode on burstable types, the purchase and the instance role. The
 * standalone instances ({@code aws_instance}) and the launch templates of the NAT and the service take
 * the same values from here.
 */
public final class Host {
    /** The smallest root volume: Amazon Linux 2023 needs 8 GiB. */
    public static final int MIN_ROOT_VOLUME_GB = HostSettings.DEFAULT_ROOT_VOLUME_GB;
    /** gp3's largest volume. */
    public static final int MAX_ROOT_VOLUME_GB = 16384;
    /** EC2's limit on user data before base64 encoding. */
    public static final int MAX_USER_DATA_BYTES = 16384;
    /** Amazon Linux's root device, where launch templates map the root volume. */
    public static final String ROOT_DEVICE_NAME = "/dev/xvda";

    private static final Set<String> INTERRUPTIONS = Set.of("stop", "hibernate", "terminate");
    private static final Set<String> CREDITS = Set.of("standard", "unlimited");

    private final HostSettings settings;
    private final InstanceType type;

    private Host(HostSettings settings, InstanceType type) {
        this.settings = settings;
        this.type = type;
    }

    /**
     * Checks {@code settings} for the block at {@code scope}; {@code prefix} goes before each property
     * in messages ({@code "nat."} for the network's NAT, {@code ""} for a block's own props).
     */
    public static Host of(Construct scope, String prefix, HostSettings settings) {
        InstanceType type = InstanceType.parse(settings.instanceType()).orElseThrow(() -> ValidationException.of(
                scope, prefix + "instanceType", settings.instanceType(),
                "expected an EC2 instance type growstack knows, such as t4g.micro, t3.nano or m7g.large"));
        checkImage(scope, prefix + "ami", type, settings.ami());
        int gb = settings.rootVolumeGb();
        if (gb < MIN_ROOT_VOLUME_GB || gb > MAX_ROOT_VOLUME_GB) {
            throw ValidationException.of(scope, prefix + "rootVolumeGb", gb,
                    "expected " + MIN_ROOT_VOLUME_GB + ".." + MAX_ROOT_VOLUME_GB + " GiB (Amazon Linux 2023 needs 8)");
        }
        if (!CREDITS.contains(settings.cpuCredits())) {
            throw ValidationException.of(scope, prefix + "cpuCredits", settings.cpuCredits(),
                    "expected standard or unlimited");
        }
        for (String arn : settings.managedPolicyArns()) {
            if (!Arns.isManagedPolicy(arn)) {
                throw ValidationException.of(scope, prefix + "managedPolicyArns", arn, "expected an IAM managed"
                        + " policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess or"
                        + " arn:aws:iam::123456789012:policy/my-policy");
            }
        }
        checkSpot(scope, prefix, settings.spot());
        checkUserData(scope, prefix + "userData", settings.userData());
        return new Host(settings, type);
    }

    /** Rejects an explicit image that is malformed or whose architecture differs from the type's. */
    private static void checkImage(Construct scope, String property, InstanceType type, Ami ami) {
        if (ami != null && !ami.isLookup() && !Ami.isValidId(ami.id())) {
            throw ValidationException.of(scope, property, ami.id(), Ami.EXPECTED);
        }
        if (ami != null && ami.architecture() != type.architecture()) {
            throw ValidationException.of(scope, property, ami.id() + " (" + ami.architecture().awsName() + ")",
                    "expected an " + type.architecture().awsName() + " image for instance type " + type.name());
        }
    }

    private static void checkSpot(Construct scope, String prefix, SpotSettings spot) {
        if (spot == null) {
            return;
        }
        if (!INTERRUPTIONS.contains(spot.interruptionBehavior())) {
            throw ValidationException.of(scope, prefix + "spot.interruptionBehavior", spot.interruptionBehavior(),
                    "expected stop, hibernate or terminate");
        }
        if (spot.maxPrice() != null && !spot.maxPrice().matches("\\d+(\\.\\d+)?")) {
            throw ValidationException.of(scope, prefix + "spot.maxPrice", spot.maxPrice(),
                    "expected a USD price per hour such as 0.003, or none for up to the on-demand price");
        }
    }

    /** Rejects user data over EC2's limit; text with references is sized by Terraform, not here. */
    public static void checkUserData(Construct scope, String property, String userData) {
        if (userData != null && !Tokens.containsReference(userData)
                && userData.getBytes(StandardCharsets.UTF_8).length > MAX_USER_DATA_BYTES) {
            throw ValidationException.of(scope, property, userData.length() + " characters",
                    "expected at most " + MAX_USER_DATA_BYTES + " bytes (EC2's limit); fetch larger files from S3");
        }
    }

    /** Rejects a setting the block makes itself or does not offer, such as user data on the monitoring host. */
    public static void reject(Construct scope, String property, Object value, boolean given, String why) {
        if (given) {
            throw ValidationException.of(scope, property, value, why);
        }
    }

    /** The settings as given. */
    public HostSettings settings() {
        return settings;
    }

    /** The parsed instance type. */
    public InstanceType type() {
        return type;
    }

    /**
     * The image id: explicit, else pinned in the stack's context ({@code growstack:amis}), else the
     * latest Amazon Linux 2023 read from SSM at plan time by a data source {@code id} under {@code owner}.
     */
    public String imageId(Construct owner, String id) {
        Ami ami = settings.ami();
        if (ami != null && !ami.isLookup()) {
            return ami.id();
        }
        Optional<String> pinned = GrowStack.of(owner).pinnedAmi(type.architecture());
        return pinned.orElseGet(() -> new DataSource(owner, id,
                new SsmParameterData(Ami.amazonLinux2023Parameter(type.architecture()))).attr("insecure_value"));
    }

    /** Whether the type earns CPU credits (the t families), so a credit mode applies. */
    private boolean burstable() {
        return type.family().startsWith("t");
    }

    /** IMDSv2 required, no instance tags in the metadata. */
    public Instance.MetadataOptions instanceMetadata() {
        return Instance.MetadataOptions.imdsv2();
    }

    /** The encrypted gp3 root volume of an {@code aws_instance}. */
    public Instance.RootBlockDevice instanceRootVolume() {
        return Instance.RootBlockDevice.encryptedGp3(settings.rootVolumeGb());
    }

    /** The credit mode of an {@code aws_instance}; none on types without credits. */
    public Instance.CreditSpecification instanceCredits() {
        return burstable() ? new Instance.CreditSpecification(settings.cpuCredits()) : null;
    }

    /**
     * The spot purchase of an {@code aws_instance}, or none on demand. Only {@code terminate} can be a
     * one-time request; stop and hibernate need a persistent one.
     */
    public Instance.InstanceMarketOptions instanceMarket() {
        SpotSettings spot = settings.spot();
        if (spot == null) {
            return null;
        }
        boolean oneTime = spot.interruptionBehavior().equals("terminate");
        return new Instance.InstanceMarketOptions("spot", new Instance.SpotOptions(spot.interruptionBehavior(),
                spot.maxPrice(), oneTime ? "one-time" : "persistent"));
    }

    /** IMDSv2 required, for a launch template. */
    public LaunchTemplate.MetadataOptions templateMetadata() {
        return LaunchTemplate.MetadataOptions.imdsv2();
    }

    /** The encrypted gp3 root volume on {@value #ROOT_DEVICE_NAME}, for a launch template. */
    public List<LaunchTemplate.BlockDeviceMapping> templateRootVolume() {
        return List.of(new LaunchTemplate.BlockDeviceMapping(ROOT_DEVICE_NAME,
                LaunchTemplate.Ebs.encryptedGp3(settings.rootVolumeGb())));
    }

    /** The credit mode for a launch template; none on types without credits. */
    public LaunchTemplate.CreditSpecification templateCredits() {
        return burstable() ? new LaunchTemplate.CreditSpecification(settings.cpuCredits()) : null;
    }

    /**
     * The instance role {@code id} under {@code owner}, named {@code <project>-<env>-<name>}, with SSM
     * Session Manager and the extra managed policies the settings ask for.
     */
    public InstanceRole role(Construct owner, String id, String name) {
        InstanceRole role = new InstanceRole(owner, id, name, settings.ssmSessionManager());
        List<String> arns = settings.managedPolicyArns();
        for (int i = 0; i < arns.size(); i++) {
            role.attachManagedPolicy("extra-" + (i + 1), arns.get(i));
        }
        return role;
    }

    /**
     * The tags of what a launch template launches: the stack's default tags (which do not reach
     * instances and volumes launched from a template) and {@code Name}.
     */
    public static Map<String, String> launchTags(GrowStack stack, String name) {
        Map<String, String> tags = new TreeMap<>(stack.defaultTags());
        tags.put("Name", name);
        return tags;
    }

    /** The tag specifications that put {@code tags} on the instance and its volumes. */
    public static List<LaunchTemplate.TagSpecification> launchTagSpecifications(Map<String, String> tags) {
        return List.of(new LaunchTemplate.TagSpecification("instance", tags),
                new LaunchTemplate.TagSpecification("volume", tags));
    }

    /**
     * The name of a Terraform local holding {@code scope}'s user data: its path below the stack with
     * {@code _}, then {@code name}, so two blocks' locals never meet.
     */
    public static String userDataLocalName(Construct scope, String name) {
        String path = ConstructPaths.path(scope);
        int slash = path.indexOf('/');
        return (slash < 0 ? "" : path.substring(slash + 1).replace('/', '_') + "_") + name;
    }
}
