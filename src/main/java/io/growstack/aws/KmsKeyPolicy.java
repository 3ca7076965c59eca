package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/** Arguments of {@code aws_kms_key_policy}: the whole key policy of one key, written after the key exists. */
public record KmsKeyPolicy(String keyId, String policy) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_kms_key_policy";
    }
}
