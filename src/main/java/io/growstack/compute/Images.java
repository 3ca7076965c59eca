package io.growstack.compute;

import io.growstack.aws.SsmParameterData;
import io.growstack.core.Ami;
import io.growstack.core.DataSource;
import io.growstack.core.InstanceType;
import io.growstack.core.ValidationException;
import software.constructs.Construct;

/** Instance type and image checks shared by the compute blocks. */
final class Images {
    private Images() {
    }

    /** The known instance type {@code name}, or a {@link ValidationException} for {@code property}. */
    static InstanceType type(Construct scope, String property, String name) {
        return InstanceType.parse(name).orElseThrow(() -> ValidationException.of(scope, property, name,
                "expected an EC2 instance type growstack knows, such as t4g.micro, t3.nano or m7g.large"));
    }

    /** Rejects a managed policy ARN that is not shaped like one (IAM would refuse the attachment). */
    static void checkManagedPolicies(Construct scope, java.util.List<String> arns) {
        for (String arn : arns) {
            if (!io.growstack.core.Arns.isManagedPolicy(arn)) {
                throw ValidationException.of(scope, "managedPolicyArns", arn, "expected an IAM managed policy ARN"
                        + " such as arn:aws:iam::aws:policy/ReadOnlyAccess or"
                        + " arn:aws:iam::123456789012:policy/my-policy");
            }
        }
    }

    /** Rejects an explicit image whose architecture differs from the type's. */
    static void checkArchitecture(Construct scope, String property, InstanceType type, Ami ami) {
        if (ami != null && !ami.isLookup() && !Ami.isValidId(ami.id())) {
            throw ValidationException.of(scope, property, ami.id(), Ami.EXPECTED);
        }
        if (ami != null && ami.architecture() != type.architecture()) {
            throw ValidationException.of(scope, property, ami.id() + " (" + ami.architecture().awsName() + ")",
                    "expected an " + type.architecture().awsName() + " image for instance type " + type.name());
        }
    }

    /**
     * The image id: explicit, else pinned in the stack's context ({@code growstack:amis}), else the
     * latest Amazon Linux 2023 read from SSM at plan time.
     */
    static String imageId(Construct scope, InstanceType type, Ami ami) {
        if (ami != null && !ami.isLookup()) {
            return ami.id();
        }
        java.util.Optional<String> pinned = io.growstack.core.GrowStack.of(scope).pinnedAmi(type.architecture());
        if (pinned.isPresent()) {
            return pinned.get();
        }
        return new DataSource(scope, "ami", new SsmParameterData(Ami.amazonLinux2023Parameter(type.architecture())))
                .attr("insecure_value");
    }
}
