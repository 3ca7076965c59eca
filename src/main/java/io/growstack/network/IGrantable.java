package io.growstack.network;

import io.growstack.core.Resource;

/**
 * A block whose hosts act under an IAM role that other blocks may grant permissions to, such as an
 * Auto Scaling group's instances reading the database's settings and secret.
 */
public interface IGrantable {
    /** The {@code aws_iam_role} the block's hosts run as. */
    Resource grantRole();
}
