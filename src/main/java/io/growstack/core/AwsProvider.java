package io.growstack.core;

import com.hashicorp.cdktf.TerraformProvider;
import com.hashicorp.cdktf.TerraformProviderConfig;
import com.hashicorp.cdktf.TerraformProviderGeneratorMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * The {@code hashicorp/aws} provider configuration: region, optional alias and default tags.
 *
 * <p>{@link GrowStack} creates one for its region and one aliased provider per additional region;
 * blocks rarely create their own.
 */
public final class AwsProvider extends TerraformProvider {
    /** Provider source address. */
    public static final String SOURCE = "hashicorp/aws";
    /**
     * The provider versions this library is verified against: the oldest version whose offline
     * plan the tests run (5.100.0) up to, not including, the first major that no test checks.
     */
    public static final String VERSION_CONSTRAINT = ">= 5.100.0, < 7.0.0";

    private final String region;
    private final String alias;
    private final Map<String, String> defaultTags;
    private final String accountId;

    AwsProvider(Construct scope, String id, String region, String alias, Map<String, String> defaultTags,
                String accountId) {
        super(scope, id, TerraformProviderConfig.builder()
                .terraformResourceType("aws")
                .terraformProviderSource(SOURCE)
                .terraformGeneratorMetadata(TerraformProviderGeneratorMetadata.builder()
                        .providerName("aws")
                        .providerVersionConstraint(VERSION_CONSTRAINT)
                        .build())
                .build());
        this.region = region;
        this.alias = alias;
        this.defaultTags = new TreeMap<>(defaultTags);
        this.accountId = accountId;
    }

    /** The region this provider configuration manages. */
    public String region() {
        return region;
    }

    /** The alias ({@code us_east_1}), or {@code null} for the stack's default provider. */
    @Override
    public String getAlias() {
        return alias;
    }

    @Override
    protected Map<String, Object> synthesizeAttributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("region", region);
        if (alias != null) {
            attributes.put("alias", alias);
        }
        if (accountId != null) {
            attributes.put("allowed_account_ids", List.of(accountId));
        }
        if (!defaultTags.isEmpty()) {
            attributes.put("default_tags", List.of(Map.of("tags", defaultTags)));
        }
        return attributes;
    }
}
