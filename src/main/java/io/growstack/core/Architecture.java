package io.growstack.core;

/** A CPU architecture of EC2 instances and AMIs, named as AWS names it. */
public enum Architecture {
    /** Intel and AMD instances. */
    X86_64("x86_64"),
    /** Graviton instances. */
    ARM64("arm64");

    private final String awsName;

    Architecture(String awsName) {
        this.awsName = awsName;
    }

    /** The name AWS uses in AMI metadata and SSM parameter paths ({@code x86_64}, {@code arm64}). */
    public String awsName() {
        return awsName;
    }
}
