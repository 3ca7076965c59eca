package io.growstack.aws;

import io.growstack.core.ResourceArgs;
import java.util.List;
import java.util.Map;

/**
 * Arguments of {@code aws_iam_openid_connect_provider}: an OpenID Connect identity provider of the
 * account (one per issuer URL), such as GitHub Actions'.
 *
 * @param url            the issuer, for example {@code https://token.actions.githubusercontent.com}
 * @param clientIdList   the audiences tokens must carry, for example {@code sts.amazonaws.com}
 * @param thumbprintList certificate thumbprints; empty to let IAM trust the issuer's CA (optional since
 *                       provider 5.81, and IAM ignores them for well-known issuers such as GitHub)
 * @param tags           resource tags
 */
public record IamOpenidConnectProvider(String url, List<String> clientIdList, List<String> thumbprintList,
                                       Map<String, String> tags) implements ResourceArgs {

    @Override
    public String terraformType() {
        return "aws_iam_openid_connect_provider";
    }
}
