package io.growstack.aws;

import io.growstack.core.ResourceArgs;

/** Arguments of {@code aws_kms_alias}: a name ({@code alias/...}) for a key. */
public record KmsAlias(String name, String targetKeyId) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_kms_alias";
    }
}
