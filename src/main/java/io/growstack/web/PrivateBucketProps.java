package io.growstack.web;

/** Settings of a {@link PrivateBucket}. Every field is optional. */
public final class PrivateBucketProps {
    /** Default encryption when no KMS key is given: SSE-S3, which costs nothing and needs no key policy. */
    public static final String DEFAULT_SSE_ALGORITHM = "AES256";

    final String bucketName;
    final String bucketPrefix;
    final String kmsKeyArn;
    final boolean versioned;
    final Integer noncurrentVersionExpirationDays;
    final boolean forceDestroy;

    private PrivateBucketProps(Builder b) {
        this.bucketName = b.bucketName;
        this.bucketPrefix = b.bucketPrefix;
        this.kmsKeyArn = b.kmsKeyArn;
        this.versioned = b.versioned;
        this.noncurrentVersionExpirationDays = b.noncurrentVersionExpirationDays;
        this.forceDestroy = b.forceDestroy;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bucketName = bucketName;
        b.bucketPrefix = bucketPrefix;
        b.kmsKeyArn = kmsKeyArn;
        b.versioned = versioned;
        b.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays;
        b.forceDestroy = forceDestroy;
        return b;
    }

    /** Builds {@link PrivateBucketProps}. */
    public static final class Builder {
        private String bucketName;
        private String bucketPrefix;
        private String kmsKeyArn;
        private boolean versioned;
        private Integer noncurrentVersionExpirationDays;
        private boolean forceDestroy;

        private Builder() {
        }

        /**
         * An explicit, globally unique bucket name, checked against the S3 naming rules; give one when
         * something must know the name before apply (a Terraform backend). Default: none, the name is
         * {@link #bucketPrefix} completed by a unique suffix.
         */
        public Builder bucketName(String bucketName) {
            this.bucketName = bucketName;
            return this;
        }

        /**
         * The start of the bucket's name (at most {@value PrivateBucket#MAX_BUCKET_PREFIX_LENGTH}
         * characters), which Terraform completes with a unique suffix, since S3 names are global across
         * all accounts. Default: {@code <project>-<environment>-<id>-}, shortened to fit.
         */
        public Builder bucketPrefix(String bucketPrefix) {
            this.bucketPrefix = bucketPrefix;
            return this;
        }

        /**
         * Encrypt with SSE-KMS under this key ARN (an S3 Bucket Key keeps the KMS request bill low);
         * readers then also need {@code kms:Decrypt} in the key policy.
         * Default: none, SSE-S3 ({@value #DEFAULT_SSE_ALGORITHM}).
         */
        public Builder kmsKeyArn(String kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /**
         * Keep every version of every object, so an overwrite or delete can be undone.
         * Default: false — turn it on for data that cannot be rebuilt (artifacts, state).
         */
        public Builder versioned(boolean versioned) {
            this.versioned = versioned;
            return this;
        }

        /**
         * Delete a version this many days after a newer one replaced it; needs {@link #versioned(boolean)}.
         * Default: none, noncurrent versions are kept (and billed) until deleted.
         */
        public Builder noncurrentVersionExpirationDays(int days) {
            this.noncurrentVersionExpirationDays = days;
            return this;
        }

        /**
         * Let {@code terraform destroy} delete the bucket with its objects.
         * Default: false — destroying a bucket that still holds objects fails.
         */
        public Builder forceDestroy(boolean forceDestroy) {
            this.forceDestroy = forceDestroy;
            return this;
        }

        /** The settings. */
        public PrivateBucketProps build() {
            return new PrivateBucketProps(this);
        }
    }
}
