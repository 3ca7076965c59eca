package io.growstack.core;

/**
 * Where Terraform keeps the stack's state.
 *
 * <p>Default: {@link #local()}, a file beside the project root, outside the synthesized output
 * folder so a re-synth can never delete it.
 */
public sealed interface StateBackend permits StateBackend.Local, StateBackend.S3 {

    /**
     * Local state at {@code ../../../terraform.<stack>.tfstate}, relative to the folder Terraform
     * runs in ({@code cdktf.out/stacks/<stack>}), so it lands in the project root.
     */
    static Local local() {
        return new Local(null);
    }

    /** Local state at a relative {@code path} from the stack's folder. */
    static Local local(String path) {
        return new Local(path);
    }

    /**
     * Remote state in an S3 bucket with Terraform's native lock file ({@code use_lockfile},
     * Terraform 1.10+). Use {@link S3#withDynamoDbLockTable(String)} to lock with DynamoDB instead.
     */
    static S3 s3(String bucket, String key, String region) {
        return new S3(bucket, key, region, null);
    }

    /** Local state file. @param path relative path from the stack folder; {@code null} for the default */
    record Local(String path) implements StateBackend {
    }

    /**
     * S3 state, always encrypted.
     *
     * @param bucket         existing bucket that holds the state
     * @param key            object key of the state file
     * @param region         region of the bucket
     * @param dynamoDbTable  lock table; {@code null} locks with the S3 lock file
     */
    record S3(String bucket, String key, String region, String dynamoDbTable) implements StateBackend {
        /** A copy that locks with a DynamoDB table (hash key {@code LockID}) instead of the S3 lock file. */
        public S3 withDynamoDbLockTable(String table) {
            return new S3(bucket, key, region, table);
        }
    }
}
