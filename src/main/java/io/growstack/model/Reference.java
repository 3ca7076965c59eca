package io.growstack.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-value Terraform reference, {@code ${aws_vpc.network_vpc.id}} or
 * {@code ${data.aws_ami.image.id}}: the address it names and the attribute it reads. The attribute may
 * index or descend ({@code ${aws_lb.alb.subnet_mapping[0].subnet_id}}): the address is what matters for
 * resolution, so an indexed read still names its resource.
 *
 * @param address   the resource or data source address, such as {@code aws_vpc.network_vpc}
 * @param attribute what is read from it, such as {@code id} or {@code names[0]}
 */
public record Reference(String address, String attribute) {
    private static final Pattern WHOLE_VALUE = Pattern.compile(
            "^\\$\\{((?:data\\.)?[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_-]*)\\.([A-Za-z0-9_\\[\\].]+)}$");

    /** The reference {@code value} is as a whole, or empty for a literal, an expression or {@code null}. */
    public static Optional<Reference> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE_VALUE.matcher(value);
        return m.matches() ? Optional.of(new Reference(m.group(1), m.group(2))) : Optional.empty();
    }
}
