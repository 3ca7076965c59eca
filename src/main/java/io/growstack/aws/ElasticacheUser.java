package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.Map;

/**
 * Arguments of {@code aws_elasticache_user}: a Valkey / Redis OSS user with role-based access control.
 *
 * @param userId             the account-unique id; for IAM authentication it must equal {@code userName}
 * @param userName           the name clients connect as
 * @param engine             {@code valkey} or {@code redis}
 * @param accessString       the ACL rule, for example {@code on ~* +@all}
 * @param authenticationMode how the user proves itself: {@code iam}, or {@code no-password-required}
 * @param tags               resource tags
 */
public record ElasticacheUser(String userId, String userName, String engine, String accessString,
                              AuthenticationMode authenticationMode, Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_elasticache_user";
    }

    /** The {@code authentication_mode} block. */
    public record AuthenticationMode(String type) {
    }
}
