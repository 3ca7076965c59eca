package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_kms_key}: a customer managed symmetric key. Its policy may be a separate
 * {@code aws_kms_key_policy} (then {@code policy} is null here and AWS's default policy holds until it
 * is written).
 *
 * @param description          what the key protects
 * @param enableKeyRotation    yearly automatic rotation of the key material
 * @param deletionWindowInDays 7..30 days between scheduling deletion and deletion
 * @param policy               the key policy JSON, or null
 * @param tags                 resource tags
 */
public record KmsKey(String description, Boolean enableKeyRotation, Integer deletionWindowInDays, String policy,
                     Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_kms_key";
    }
}
