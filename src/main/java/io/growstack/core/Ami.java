package io.growstack.core;

import java.util.regex.Pattern;

/**
 * The machine image of an instance: an explicit AMI id with its architecture, or the latest
 * Amazon Linux 2023 image for an architecture, read from AWS's public SSM parameter.
 *
 * <p>An explicit id keeps {@code terraform plan} offline and the host fixed; the SSM default
 * follows Amazon Linux releases (standalone hosts ignore AMI changes so they are not replaced).
 *
 * @param id           the AMI id, or {@code null} for the SSM default
 * @param architecture the image's architecture
 */
public record Ami(String id, Architecture architecture) {
    private static final Pattern ID = Pattern.compile("ami-[0-9a-f]{8}([0-9a-f]{9})?");

    /** What a well-formed AMI id looks like, for messages. */
    public static final String EXPECTED = "expected an AMI id such as ami-0123456789abcdef0";

    /**
     * An explicit image. Only nulls fail here; the block that uses the image checks the id's shape,
     * so its error names the construct path and property ({@code app/server: property 'ami' ...}).
     */
    public static Ami of(String id, Architecture architecture) {
        Args.notNull(id, "id (use Ami.amazonLinux2023(architecture) for the latest image)");
        return new Ami(id, Args.notNull(architecture, "architecture"));
    }

    /** Whether {@code id} has the shape of an AMI id: {@code ami-} and 8 or 17 hexadecimal digits. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The latest Amazon Linux 2023 image for {@code architecture}, from SSM at plan time. */
    public static Ami amazonLinux2023(Architecture architecture) {
        return new Ami(null, architecture);
    }

    /** The public SSM parameter that names the latest Amazon Linux 2023 AMI for an architecture. */
    public static String amazonLinux2023Parameter(Architecture architecture) {
        Args.notNull(architecture, "architecture");
        return "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-" + architecture.awsName();
    }

    /** Whether this image is read from SSM instead of given explicitly. */
    public boolean isLookup() {
        return id == null;
    }
}
