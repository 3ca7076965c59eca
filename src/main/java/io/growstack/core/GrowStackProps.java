package io.growstack.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Settings of a {@link GrowStack}. Only the region is required.
 */
public final class GrowStackProps {
    /** Environment used when none is given. */
    public static final String DEFAULT_ENVIRONMENT = "dev";

    private final String region;
    private final String project;
    private final String environment;
    private final List<String> additionalRegions;
    private final Map<String, String> tags;
    private final StateBackend backend;
    private final String accountId;

    private GrowStackProps(Builder builder) {
        this.region = builder.region;
        this.project = builder.project;
        this.environment = builder.environment;
        this.additionalRegions = List.copyOf(builder.additionalRegions);
        this.tags = Map.copyOf(builder.tags);
        this.backend = builder.backend;
        this.accountId = builder.accountId;
    }

    /** A builder for a stack in {@code region}, for example {@code ap-northeast-2}. */
    public static Builder builder(String region) {
        return new Builder().region(region);
    }

    /** A builder with these settings. */
    public Builder toBuilder() {
        return new Builder().region(region).project(project).environment(environment)
                .additionalRegions(additionalRegions).tags(tags).backend(backend).accountId(accountId);
    }

    /** The one AWS account the stack may be applied to, or {@code null} for any. */
    public String accountId() {
        return accountId;
    }

    /** The AWS region of the default provider. */
    public String region() {
        return region;
    }

    /** The project name; {@code null} means the stack id. */
    public String project() {
        return project;
    }

    /** The environment name. Default: {@value #DEFAULT_ENVIRONMENT}. */
    public String environment() {
        return environment;
    }

    /** Regions that get an aliased provider (for example {@code us-east-1} for CloudFront certificates). */
    public List<String> additionalRegions() {
        return additionalRegions;
    }

    /** Tags added to every resource through the provider's {@code default_tags}. */
    public Map<String, String> tags() {
        return tags;
    }

    /** Where state lives. Default: {@link StateBackend#local()}. */
    public StateBackend backend() {
        return backend;
    }

    /** Builds {@link GrowStackProps}. */
    public static final class Builder {
        private String region;
        private String project;
        private String environment = DEFAULT_ENVIRONMENT;
        private List<String> additionalRegions = List.of();
        private final Map<String, String> tags = new TreeMap<>();
        private String accountId;
        private StateBackend backend = StateBackend.local();

        private Builder() {
        }

        /** The AWS region of the default provider. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Project name, the first part of every generated name. Default: the stack id. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Environment name, the second part of every generated name. Default: {@code dev}. */
        public Builder environment(String environment) {
            this.environment = environment;
            return this;
        }

        /** Regions that get an aliased provider. Default: none. */
        public Builder additionalRegions(List<String> regions) {
            this.additionalRegions = Args.list(regions, "additionalRegions");
            return this;
        }

        /** Adds a default tag on every resource. */
        public Builder tag(String key, String value) {
            this.tags.put(Objects.requireNonNull(key, "tag key must not be null"),
                    Objects.requireNonNull(value, "tag value must not be null"));
            return this;
        }

        /** Adds default tags on every resource. */
        public Builder tags(Map<String, String> tags) {
            this.tags.putAll(Args.map(tags, "tags"));
            return this;
        }

        /** Where state lives. Default: local state in the project root. */
        public Builder backend(StateBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend must not be null");
            return this;
        }

        /**
         * The AWS account (12 digits) the stack belongs to. The provider then refuses credentials of any
         * other account ({@code allowed_account_ids}), and synth's check of account-unique names lets
         * stacks of different accounts repeat a name. Default: none (stacks of an app share one account).
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The settings. */
        public GrowStackProps build() {
            return new GrowStackProps(this);
        }
    }
}
