package io.growstack.review;

import java.util.List;
import java.util.Optional;

/**
 * The review's security rules. Ids are stable (suppressions name them); severities are fixed.
 *
 * <p>Each rule reads the synthesized Terraform JSON only. A value that is an unresolved reference
 * ({@code ${var.x}}, {@code ${each.value}}, a function call) is unknown, and a rule never flags what it
 * cannot know: an ingress rule whose CIDR comes from a variable, a policy built with
 * {@code jsonencode(...)}, a bucket named by a variable. References of the form
 * {@code ${type.name.attribute}} are followed to the resource they name.
 */
public final class SecurityRules {
    /**
     * {@code aws_instance}, {@code aws_launch_template} or {@code aws_launch_configuration} whose
     * {@code metadata_options.http_tokens} is not {@code required} (absent means {@code optional}). An
     * instance launched from a launch template without its own {@code metadata_options} is judged by
     * the template; {@code http_endpoint = "disabled"} passes.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-EC2IMDSv2Enabled} (also in the HIPAA and NIST R4 packs).
     * Checkov: {@code CKV_AWS_79}.
     */
    public static final Rule EC2_IMDSV2 = new Rule("GS-EC2-001", "Imdsv2NotRequired", Severity.HIGH,
            "IMDSv2 is not required: any SSRF on the host can read the instance role's credentials",
            "growstack: every EC2 block requires it (Instance.MetadataOptions.imdsv2() for your own records); "
                    + "Terraform: metadata_options.http_tokens = \"required\"",
            "NIST.800.53.R5-EC2IMDSv2Enabled", "CKV_AWS_79");

    /**
     * An EBS volume that is not encrypted: {@code aws_instance} {@code root_block_device} or
     * {@code ebs_block_device} without {@code encrypted = true} (a missing root block follows the AMI's
     * snapshot, unencrypted unless encryption by default is on), an {@code aws_launch_template}
     * {@code block_device_mappings[].ebs} without it (or no mappings at all), an
     * {@code aws_launch_configuration} block, or an {@code aws_ebs_volume}. Volumes restored from a
     * snapshot inherit its encryption and are not judged. An {@code aws_ebs_encryption_by_default} with
     * {@code enabled = true} in the stack passes every volume.
     *
     * <p>cdk-nag: {@code AwsSolutions-EC26}. Checkov: {@code CKV_AWS_8} (instance, launch configuration),
     * {@code CKV_AWS_3} ({@code aws_ebs_volume}).
     */
    public static final Rule EBS_UNENCRYPTED = new Rule("GS-EC2-002", "EbsNotEncrypted", Severity.MEDIUM,
            "an EBS volume is not encrypted at rest",
            "growstack: every EC2 block encrypts its root volume; Terraform: encrypted = true on the volume, or "
                    + "aws_ebs_encryption_by_default for the account",
            "AwsSolutions-EC26", "CKV_AWS_8, CKV_AWS_3");

    /**
     * An {@code aws_instance} without {@code monitoring = true}, or an {@code aws_launch_template} without
     * {@code monitoring.enabled = true}: CloudWatch gets the instance's metrics every 5 minutes instead of
     * every minute. An instance launched from a launch template without its own {@code monitoring} is
     * judged by the template.
     *
     * <p>cdk-nag: {@code AwsSolutions-EC28}. Checkov: {@code CKV_AWS_126}.
     */
    public static final Rule EC2_NO_DETAILED_MONITORING = new Rule("GS-EC2-003", "Ec2WithoutDetailedMonitoring",
            Severity.LOW, "the instance sends CloudWatch metrics every 5 minutes only (no detailed monitoring)",
            "growstack: instance().addOverride(\"monitoring\", true) (launch templates: launchTemplate()"
                    + ".addOverride(\"monitoring.enabled\", true)); Terraform: monitoring",
            "AwsSolutions-EC28", "CKV_AWS_126");

    /**
     * SSH (TCP 22) or RDP (TCP/UDP 3389) ingress from {@code 0.0.0.0/0} or {@code ::/0}: an
     * {@code aws_vpc_security_group_ingress_rule}, a legacy {@code aws_security_group_rule} of type
     * {@code ingress}, or an inline {@code ingress} block of {@code aws_security_group}. Port ranges and
     * all-protocol rules that include the port count.
     *
     * <p>cdk-nag: {@code AwsSolutions-EC23}, {@code NIST.800.53.R5-EC2RestrictedSSH}. Checkov:
     * {@code CKV_AWS_24} (22), {@code CKV_AWS_25} (3389).
     */
    public static final Rule SG_ADMIN_FROM_WORLD = new Rule("GS-SG-001", "AdminPortOpenToWorld", Severity.HIGH,
            "SSH or RDP is open to the whole internet",
            "growstack: BastionProps.builder(network).allowSshFrom(List.of(\"203.0.113.7/32\")) or "
                    + "ssmSessionManager(true) instead of allowSshFromAnywhere(); Terraform: cidr_ipv4 of the ingress rule",
            "AwsSolutions-EC23, NIST.800.53.R5-EC2RestrictedSSH", "CKV_AWS_24, CKV_AWS_25");

    /**
     * A database or cache port open to {@code 0.0.0.0/0} or {@code ::/0} over TCP: 1433 (SQL Server),
     * 1521 (Oracle), 3306 (MySQL, MariaDB, Aurora), 5432 (PostgreSQL), 5439 (Redshift), 6379 (Redis,
     * Valkey), 9042 (Cassandra), 9200 (OpenSearch), 11211 (Memcached), 27017 (MongoDB, DocumentDB).
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-EC2RestrictedCommonPorts} (covers 3306 among its ports),
     * {@code AwsSolutions-EC23}. Checkov: no direct equivalent per port ({@code CKV_AWS_277} covers
     * all-port rules only).
     */
    public static final Rule SG_DATA_FROM_WORLD = new Rule("GS-SG-002", "DataPortOpenToWorld", Severity.HIGH,
            "a database or cache port is open to the whole internet",
            "growstack: db.connections().allowDefaultPortFrom(service, \"...\") instead of a CIDR; Terraform: "
                    + "referenced_security_group_id of the ingress rule",
            "NIST.800.53.R5-EC2RestrictedCommonPorts, AwsSolutions-EC23", "no direct equivalent");

    /**
     * Any other ingress from {@code 0.0.0.0/0} or {@code ::/0} than TCP 80 or 443 to a security group an
     * application load balancer uses ({@code aws_lb.security_groups}). Rules already reported by
     * {@link #SG_ADMIN_FROM_WORLD} or {@link #SG_DATA_FROM_WORLD}, and groups of NAT instances (see
     * {@link #NAT_BEYOND_VPC}), are not reported again. When the group or an ALB's groups cannot be
     * resolved, world ingress on 80/443 is not judged.
     *
     * <p>cdk-nag: {@code AwsSolutions-EC23}. Checkov: {@code CKV_AWS_260} (port 80), {@code CKV_AWS_277}
     * (all ports).
     */
    public static final Rule SG_OTHER_FROM_WORLD = new Rule("GS-SG-003", "IngressOpenToWorld", Severity.MEDIUM,
            "ingress from the whole internet that is not a load balancer's HTTP/HTTPS",
            "growstack: put the service behind AutoScaledService's load balancer and admit peers with "
                    + "connections().allowFrom(...); Terraform: cidr_ipv4 of the ingress rule",
            "AwsSolutions-EC23", "CKV_AWS_260, CKV_AWS_277");

    /**
     * A NAT instance ({@code aws_instance} or {@code aws_network_interface} with
     * {@code source_dest_check = false}) whose security group admits a source outside its VPC: an IPv4
     * CIDR not inside the VPC's {@code cidr_block} (or an {@code aws_vpc_ipv4_cidr_block_association}),
     * or {@code ::/0}. Sources given as security groups or prefix lists, and VPCs whose CIDR is not a
     * literal, are not judged.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: no direct equivalent.
     */
    public static final Rule NAT_BEYOND_VPC = new Rule("GS-SG-004", "NatAdmitsBeyondVpc", Severity.MEDIUM,
            "a NAT instance admits traffic from outside its VPC, so it can be used as an open relay",
            "growstack: NatProvider.instance(...) admits the VPC's CIDR only; Terraform: cidr_ipv4 = the VPC's "
                    + "cidr_block on the NAT instance's group",
            "no direct equivalent", "no direct equivalent");

    /**
     * An {@code aws_db_instance} with {@code publicly_accessible = true}.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-RDSInstancePublicAccess}. Checkov: {@code CKV_AWS_17}.
     */
    public static final Rule RDS_PUBLIC = new Rule("GS-RDS-001", "RdsPubliclyAccessible", Severity.HIGH,
            "the database has a public address",
            "growstack: drop DatabaseProps.builder(network).publiclyAccessibleForSeedVersion2() and reach it from "
                    + "inside the VPC; Terraform: publicly_accessible = false",
            "NIST.800.53.R5-RDSInstancePublicAccess", "CKV_AWS_17");

    /**
     * An {@code aws_db_instance} without {@code storage_encrypted = true} (absent means unencrypted).
     * Read replicas ({@code replicate_source_db}) inherit the source's encryption and are not judged.
     *
     * <p>cdk-nag: {@code AwsSolutions-RDS2}, {@code NIST.800.53.R5-RDSStorageEncrypted}. Checkov:
     * {@code CKV_AWS_16}.
     */
    public static final Rule RDS_UNENCRYPTED = new Rule("GS-RDS-002", "RdsStorageNotEncrypted", Severity.HIGH,
            "the database storage is not encrypted",
            "growstack: Database always encrypts; Terraform: storage_encrypted = true (it cannot be changed later "
                    + "without a snapshot restore)",
            "AwsSolutions-RDS2, NIST.800.53.R5-RDSStorageEncrypted", "CKV_AWS_16");

    /**
     * An {@code aws_db_instance} with {@code backup_retention_period = 0}. Absent passes: the RDS API
     * keeps one day of automated backups by default.
     *
     * <p>cdk-nag: {@code AwsSolutions-RDS13}, {@code NIST.800.53.R5-RDSInstanceBackupEnabled}. Checkov:
     * {@code CKV_AWS_133}.
     */
    public static final Rule RDS_NO_BACKUPS = new Rule("GS-RDS-003", "RdsBackupsDisabled", Severity.MEDIUM,
            "automated backups are off: no point-in-time recovery",
            "growstack: DatabaseProps.builder(network).backupRetentionDays(7); Terraform: backup_retention_period "
                    + "= 7 or more",
            "AwsSolutions-RDS13, NIST.800.53.R5-RDSInstanceBackupEnabled", "CKV_AWS_133");

    /**
     * An {@code aws_db_instance} without {@code deletion_protection = true}.
     *
     * <p>cdk-nag: {@code AwsSolutions-RDS10}, {@code NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled}.
     * Checkov: {@code CKV_AWS_293}.
     */
    public static final Rule RDS_NO_DELETION_PROTECTION = new Rule("GS-RDS-004", "RdsDeletionProtectionOff", Severity.MEDIUM,
            "the database can be deleted by one API call or terraform destroy",
            "growstack: DatabaseProps.builder(network).deletionProtection(true); Terraform: deletion_protection = "
                    + "true",
            "AwsSolutions-RDS10, NIST.800.53.R5-RDSInstanceDeletionProtectionEnabled", "CKV_AWS_293");

    /**
     * An {@code aws_db_instance} without {@code multi_az = true}.
     *
     * <p>cdk-nag: {@code AwsSolutions-RDS3}, {@code NIST.800.53.R5-RDSMultiAZSupport}. Checkov:
     * {@code CKV_AWS_157}.
     */
    public static final Rule RDS_SINGLE_AZ = new Rule("GS-RDS-005", "RdsSingleAz", Severity.LOW,
            "the database runs in one availability zone",
            "growstack: DatabaseProps.builder(network).multiAz(true) when an hour of downtime in a zone outage is "
                    + "not acceptable; Terraform: multi_az = true",
            "AwsSolutions-RDS3, NIST.800.53.R5-RDSMultiAZSupport", "CKV_AWS_157");

    /**
     * An {@code aws_db_instance} of MySQL, MariaDB or PostgreSQL without
     * {@code iam_database_authentication_enabled = true}: only passwords can log in. Read replicas follow
     * their source and are not judged.
     *
     * <p>cdk-nag: {@code AwsSolutions-RDS6} (which cdk-nag applies to Aurora clusters; growstack emits
     * instances). Checkov: {@code CKV_AWS_161}.
     */
    public static final Rule RDS_NO_IAM_AUTH = new Rule("GS-RDS-006", "RdsWithoutIamAuthentication", Severity.LOW,
            "the database accepts passwords only, not IAM authentication tokens",
            "growstack: db.instance().addOverride(\"iam_database_authentication_enabled\", true);"
                    + " Terraform: iam_database_authentication_enabled",
            "AwsSolutions-RDS6", "CKV_AWS_161");

    /**
     * An {@code aws_db_instance} whose {@code monitoring_interval} is absent or 0: no enhanced monitoring
     * (OS metrics every 1 to 60 seconds).
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-RDSEnhancedMonitoringEnabled}. Checkov: {@code CKV_AWS_118}.
     */
    public static final Rule RDS_NO_ENHANCED_MONITORING = new Rule("GS-RDS-007", "RdsWithoutEnhancedMonitoring",
            Severity.LOW, "the database has no enhanced monitoring (operating-system metrics)",
            "growstack: db.instance().addOverride(\"monitoring_interval\", 60) with monitoring_role_arn;"
                    + " Terraform: monitoring_interval, monitoring_role_arn",
            "NIST.800.53.R5-RDSEnhancedMonitoringEnabled", "CKV_AWS_118");

    /**
     * An {@code aws_db_instance} without {@code enabled_cloudwatch_logs_exports} (absent or empty): the
     * error, slow-query and audit logs stay on the instance and go with it.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-RDSLoggingEnabled}. Checkov: {@code CKV_AWS_129}.
     */
    public static final Rule RDS_NO_LOG_EXPORTS = new Rule("GS-RDS-008", "RdsWithoutLogExports", Severity.LOW,
            "the database exports no logs to CloudWatch Logs",
            "growstack: db.instance().addOverride(\"enabled_cloudwatch_logs_exports\", List.of(\"error\", \"slowquery\"));"
                    + " Terraform: enabled_cloudwatch_logs_exports",
            "NIST.800.53.R5-RDSLoggingEnabled", "CKV_AWS_129");

    /**
     * An {@code aws_s3_bucket} that no {@code aws_s3_bucket_public_access_block} with all four switches
     * ({@code block_public_acls}, {@code block_public_policy}, {@code ignore_public_acls},
     * {@code restrict_public_buckets}) {@code true} refers to (by reference or by literal bucket name).
     * An {@code aws_s3_account_public_access_block} with all four passes every bucket; a public access
     * block whose bucket cannot be resolved makes the rule judge nothing.
     *
     * <p>cdk-nag: {@code AwsSolutions-S2}, {@code NIST.800.53.R5-S3BucketLevelPublicAccessProhibited}.
     * Checkov: {@code CKV2_AWS_6}.
     */
    public static final Rule S3_PUBLIC_ACCESS_BLOCK = new Rule("GS-S3-001", "S3PublicAccessNotBlocked", Severity.HIGH,
            "the bucket has no full public access block, so one policy or ACL can publish it",
            "growstack: PrivateBucket and StaticSite add one; Terraform: an aws_s3_bucket_public_access_block with "
                    + "all four switches true",
            "AwsSolutions-S2, NIST.800.53.R5-S3BucketLevelPublicAccessProhibited", "CKV2_AWS_6");

    /**
     * An {@code aws_s3_bucket} whose bucket policy ({@code aws_s3_bucket_policy} or the legacy inline
     * {@code policy}) has no statement that denies requests with {@code aws:SecureTransport = false}
     * ({@code Bool} or {@code BoolIfExists}). A policy that cannot be read is not judged.
     *
     * <p>cdk-nag: {@code AwsSolutions-S10}, {@code NIST.800.53.R5-S3BucketSSLRequestsOnly}. Checkov:
     * {@code CKV_AWS_379}.
     */
    public static final Rule S3_TLS_ONLY = new Rule("GS-S3-002", "S3NotTlsOnly", Severity.MEDIUM,
            "the bucket accepts plain-HTTP requests",
            "growstack: PrivateBucket and StaticSite add one; Terraform: a bucket policy statement denying s3:* to "
                    + "\"*\" when aws:SecureTransport is false",
            "AwsSolutions-S10, NIST.800.53.R5-S3BucketSSLRequestsOnly", "CKV_AWS_379");

    /**
     * An {@code aws_s3_bucket} that no {@code aws_s3_bucket_logging} refers to (and without a legacy inline
     * {@code logging} block). Buckets that receive logs (the {@code target_bucket} of a bucket logging,
     * a load balancer's {@code access_logs.bucket}, a distribution's {@code logging_config.bucket}) are not
     * judged: logging a log bucket only moves the question to another bucket. A logging resource whose
     * bucket cannot be resolved makes the rule judge nothing.
     *
     * <p>cdk-nag: {@code AwsSolutions-S1}. Checkov: {@code CKV_AWS_18}.
     */
    public static final Rule S3_NO_ACCESS_LOGS = new Rule("GS-S3-003", "S3WithoutAccessLogs", Severity.LOW,
            "the bucket keeps no server access logs",
            "growstack: add an aws_s3_bucket_logging with bucket = bucket.bucket().attr(\"id\") and a target_bucket;"
                    + " Terraform: aws_s3_bucket_logging.target_bucket",
            "AwsSolutions-S1", "CKV_AWS_18");

    /**
     * An {@code aws_s3_bucket} whose versioning is not {@code Enabled}: no {@code aws_s3_bucket_versioning}
     * with {@code versioning_configuration.status = "Enabled"} refers to it, and no legacy inline
     * {@code versioning.enabled = true}. An overwritten or deleted object is gone.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-S3BucketVersioningEnabled}. Checkov: {@code CKV_AWS_21}.
     */
    public static final Rule S3_NOT_VERSIONED = new Rule("GS-S3-004", "S3NotVersioned", Severity.LOW,
            "the bucket is not versioned: an overwritten or deleted object cannot be recovered",
            "growstack: PrivateBucketProps/StaticSiteProps.builder().versioned(true);"
                    + " Terraform: aws_s3_bucket_versioning.versioning_configuration.status = \"Enabled\"",
            "NIST.800.53.R5-S3BucketVersioningEnabled", "CKV_AWS_21");

    /**
     * An {@code aws_sns_topic} without {@code kms_master_key_id}: messages are not encrypted at rest.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-SNSEncryptedKMS} (the AwsSolutions pack has no SSE rule for SNS).
     * Checkov: {@code CKV_AWS_26}.
     */
    public static final Rule SNS_UNENCRYPTED = new Rule("GS-SNS-001", "SnsTopicNotEncrypted", Severity.MEDIUM,
            "the topic does not encrypt messages at rest",
            "growstack: topic().addOverride(\"kms_master_key_id\", <key arn>) with a customer managed key whose"
                    + " policy lets the publisher (cloudwatch.amazonaws.com for alarms) use it; Terraform: kms_master_key_id",
            "NIST.800.53.R5-SNSEncryptedKMS", "CKV_AWS_26");

    /**
     * An {@code aws_sns_topic} whose topic policy ({@code aws_sns_topic_policy} or the inline
     * {@code policy}) has no statement that denies requests with {@code aws:SecureTransport = false}. A
     * policy that cannot be read, or a topic policy whose {@code arn} cannot be resolved, is not judged.
     *
     * <p>cdk-nag: {@code AwsSolutions-SNS3}. Checkov: no direct equivalent.
     */
    public static final Rule SNS_TLS_ONLY = new Rule("GS-SNS-002", "SnsTopicNotTlsOnly", Severity.LOW,
            "the topic accepts publishers over plain HTTP",
            "growstack: add an aws_sns_topic_policy with arn = topic().attr(\"arn\") and a statement denying sns:Publish"
                    + " when aws:SecureTransport is false; Terraform: aws_sns_topic_policy.policy",
            "AwsSolutions-SNS3", "no direct equivalent");

    /**
     * A resource or trust policy ({@code aws_s3_bucket_policy}, {@code aws_iam_role.assume_role_policy},
     * {@code aws_sqs_queue_policy}, {@code aws_sns_topic_policy}, {@code aws_kms_key}) with an
     * {@code Allow} to {@code Principal "*"} or {@code {"AWS": "*"}} without a restricting condition.
     * Restricting means a condition on who or where the caller is ({@code aws:PrincipalOrgID},
     * {@code aws:PrincipalAccount}, {@code aws:PrincipalArn}, {@code aws:SourceArn},
     * {@code aws:SourceAccount}, {@code aws:SourceVpc(e)}, {@code aws:SourceIp}, ...), not an
     * {@code ...IfExists} operator and not a {@code "*"} value; {@code aws:SecureTransport} alone does
     * not restrict.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV_AWS_70} (S3), {@code CKV_AWS_283}
     * ({@code aws_iam_policy_document}), {@code CKV_AWS_60} (role trust), {@code CKV_AWS_168} (SQS),
     * {@code CKV_AWS_169} (SNS).
     */
    public static final Rule IAM_PUBLIC_PRINCIPAL = new Rule("GS-IAM-001", "AllowToAnyPrincipal", Severity.HIGH,
            "a policy allows anyone (Principal \"*\") without a condition that restricts who",
            "growstack: name the principals in the PolicyStatement; Terraform: Principal, or a condition such as "
                    + "aws:SourceArn or aws:PrincipalOrgID",
            "no direct equivalent", "CKV_AWS_70, CKV_AWS_283, CKV_AWS_60, CKV_AWS_168, CKV_AWS_169");

    /**
     * An identity policy statement that allows action {@code "*"} or {@code "*:*"} on resource
     * {@code "*"}, or an attachment of the AWS managed {@code AdministratorAccess} policy.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess}, {@code AwsSolutions-IAM5}.
     * Checkov: {@code CKV_AWS_62} (policy resources), {@code CKV_AWS_1} ({@code aws_iam_policy_document}),
     * {@code CKV_AWS_274} (AdministratorAccess).
     */
    public static final Rule IAM_ADMIN = new Rule("GS-IAM-002", "FullAdminAccess", Severity.HIGH,
            "a policy allows every action on every resource",
            "growstack: pass scoped policies (managedPolicyArns(...), PolicyStatement) instead of "
                    + "AdministratorAccess; Terraform: the statement's Action and Resource",
            "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess, AwsSolutions-IAM5", "CKV_AWS_62, CKV_AWS_1, CKV_AWS_274");

    /**
     * A trust policy statement whose {@code Principal.Federated} is GitHub's OIDC provider
     * ({@code token.actions.githubusercontent.com}, literally or through an
     * {@code aws_iam_openid_connect_provider}) without a {@code token.actions.githubusercontent.com:sub}
     * condition, with it under an {@code ...IfExists} operator, or with a wildcard in a
     * {@code StringLike} value: {@code *}, {@code repo:*}, {@code repo:org/*}, {@code repo:org/app:*},
     * {@code repo:org/app:ref:*}. growstack asks for one repository and one ref or environment; Checkov
     * accepts {@code repo:org/*}.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV_AWS_358} ({@code aws_iam_policy_document}),
     * {@code CKV_AWS_393} ({@code aws_iam_role}).
     */
    public static final Rule IAM_GITHUB_OIDC = new Rule("GS-IAM-003", "GithubOidcTrustTooBroad", Severity.HIGH,
            "a GitHub Actions OIDC trust lets other repositories or refs assume the role",
            "growstack: GitHubSubject.branch(\"org/app\", \"main\") or GitHubSubject.environment(...) instead of "
                    + "GitHubSubject.wildcard(...); Terraform: a StringEquals condition on "
                    + "token.actions.githubusercontent.com:sub such as repo:org/app:ref:refs/heads/main",
            "no direct equivalent", "CKV_AWS_358, CKV_AWS_393");

    /**
     * An identity policy statement that allows a whole service: an action of the form
     * {@code service:*} (such as {@code s3:*}).
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess}, {@code AwsSolutions-IAM5}.
     * Checkov: no direct equivalent ({@code CKV2_AWS_40} covers {@code iam:*} only).
     */
    public static final Rule IAM_SERVICE_WILDCARD = new Rule("GS-IAM-004", "ServiceWideAction", Severity.MEDIUM,
            "a policy allows every action of a service (service:*)",
            "growstack: list the actions the workload calls in the PolicyStatement; Terraform: the statement's "
                    + "Action",
            "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess, AwsSolutions-IAM5", "no direct equivalent");

    /**
     * An identity policy statement that allows, on resource {@code "*"}, an action that can be scoped to
     * a resource ARN. The heuristic is a list of common data-plane actions that support resource-level
     * permissions (for example {@code s3:GetObject}, {@code s3:PutObject}, {@code s3:ListBucket},
     * {@code dynamodb:GetItem}, {@code sqs:SendMessage}, {@code sns:Publish},
     * {@code secretsmanager:GetSecretValue}, {@code ssm:GetParameter}, {@code kms:Decrypt},
     * {@code lambda:InvokeFunction}, {@code iam:PassRole}, {@code sts:AssumeRole},
     * {@code logs:PutLogEvents}, {@code ecr:BatchGetImage}, {@code codedeploy:CreateDeployment},
     * {@code cloudfront:CreateInvalidation}); a wildcard such as {@code s3:Get*} counts when it covers
     * one. Actions that only work on {@code "*"} (such as {@code ec2:Describe*}) are not on the list.
     *
     * <p>cdk-nag: {@code AwsSolutions-IAM5}. Checkov: {@code CKV_AWS_355} (policy resources),
     * {@code CKV_AWS_356} ({@code aws_iam_policy_document}).
     */
    public static final Rule IAM_STAR_RESOURCE = new Rule("GS-IAM-005", "StarResourceForScopableAction", Severity.MEDIUM,
            "a policy grants on resource \"*\" actions that can be limited to specific ARNs",
            "growstack: scope the PolicyStatement to the ARNs the workload uses (such as "
                    + "bucket.bucket().attr(\"arn\")); Terraform: the statement's Resource",
            "AwsSolutions-IAM5", "CKV_AWS_355, CKV_AWS_356");

    /**
     * An {@code aws_cloudfront_distribution} origin on S3 without {@code origin_access_control_id}: a REST
     * endpoint ({@code *.s3.*.amazonaws.com}, or a reference to a bucket's {@code bucket_regional_domain_name}
     * or {@code bucket_domain_name}) with neither OAC nor a legacy origin access identity, or any website
     * endpoint ({@code s3-website}), which only serves public buckets. A legacy origin access identity
     * ({@code s3_origin_config.origin_access_identity}) passes: it also keeps the bucket private.
     *
     * <p>cdk-nag: {@code AwsSolutions-CFR7} (OAC), {@code AwsSolutions-CFR6} (OAI). Checkov:
     * {@code CKV2_AWS_46}.
     */
    public static final Rule CF_S3_WITHOUT_OAC = new Rule("GS-CF-001", "CloudFrontS3OriginWithoutOac", Severity.HIGH,
            "a CloudFront S3 origin has no origin access control, so the bucket must be readable by anyone",
            "growstack: StaticSite reads its bucket through origin access control; Terraform: an "
                    + "aws_cloudfront_origin_access_control and origin_access_control_id, with the bucket kept private",
            "AwsSolutions-CFR7, AwsSolutions-CFR6", "CKV2_AWS_46");

    /**
     * An {@code aws_cloudfront_distribution} cache behavior (default or ordered) with
     * {@code viewer_protocol_policy = "allow-all"}.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV_AWS_34}.
     */
    public static final Rule CF_ALLOW_HTTP = new Rule("GS-CF-002", "CloudFrontAllowsHttp", Severity.HIGH,
            "CloudFront serves viewers over plain HTTP",
            "growstack: StaticSite redirects viewers to HTTPS; Terraform: viewer_protocol_policy = "
                    + "\"redirect-to-https\" (or \"https-only\")",
            "no direct equivalent", "CKV_AWS_34");

    /**
     * An {@code aws_cloudfront_distribution} on an ACM or IAM certificate whose
     * {@code minimum_protocol_version} is below {@code TLSv1.2_2021} (absent means {@code TLSv1}).
     * Distributions on the default {@code *.cloudfront.net} certificate are {@link #CF_DEFAULT_CERTIFICATE}'s:
     * no minimum applies to that name.
     *
     * <p>cdk-nag: {@code AwsSolutions-CFR4}. Checkov: {@code CKV_AWS_174}.
     */
    public static final Rule CF_OLD_TLS = new Rule("GS-CF-003", "CloudFrontOldTls", Severity.MEDIUM,
            "CloudFront accepts viewers on TLS older than 1.2",
            "growstack: StaticSiteProps.builder().certificateArn(...) sets TLSv1.2_2021;"
                    + " Terraform: viewer_certificate.minimum_protocol_version = \"TLSv1.2_2021\"",
            "AwsSolutions-CFR4", "CKV_AWS_174");

    /**
     * An {@code aws_cloudfront_distribution} with neither a {@code logging_config} block (standard
     * logging to S3) nor an {@code aws_cloudwatch_log_delivery_source} whose {@code resource_arn} refers to
     * it (standard logging v2).
     *
     * <p>cdk-nag: {@code AwsSolutions-CFR3}. Checkov: {@code CKV_AWS_86}.
     */
    public static final Rule CF_NO_LOGGING = new Rule("GS-CF-004", "CloudFrontWithoutAccessLogs", Severity.LOW,
            "the distribution keeps no access logs",
            "growstack: distribution().addOverride(\"logging_config\", Map.of(\"bucket\", \"<log bucket>.s3.amazonaws.com\"));"
                    + " Terraform: logging_config.bucket",
            "AwsSolutions-CFR3", "CKV_AWS_86");

    /**
     * An {@code aws_cloudfront_distribution} without {@code web_acl_id}: no AWS WAF web ACL filters its
     * requests.
     *
     * <p>cdk-nag: {@code AwsSolutions-CFR2}. Checkov: {@code CKV_AWS_68}.
     */
    public static final Rule CF_NO_WAF = new Rule("GS-CF-005", "CloudFrontWithoutWaf", Severity.MEDIUM,
            "no AWS WAF web ACL filters the distribution's requests",
            "growstack: distribution().addOverride(\"web_acl_id\", <aws_wafv2_web_acl arn, scope CLOUDFRONT>);"
                    + " Terraform: web_acl_id",
            "AwsSolutions-CFR2", "CKV_AWS_68");

    /**
     * An {@code aws_cloudfront_distribution} cache behavior (default or ordered) without
     * {@code response_headers_policy_id}: viewers get no HSTS, {@code X-Content-Type-Options} or frame
     * options from CloudFront.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV2_AWS_32}.
     */
    public static final Rule CF_NO_SECURITY_HEADERS = new Rule("GS-CF-006", "CloudFrontWithoutSecurityHeaders",
            Severity.LOW, "the distribution adds no security headers (HSTS, nosniff, frame options) to responses",
            "growstack: distribution().addOverride(\"default_cache_behavior.response_headers_policy_id\","
                    + " \"67f7725c-6f97-4210-82d7-5512b31e9d03\") (the managed SecurityHeadersPolicy);"
                    + " Terraform: response_headers_policy_id",
            "no direct equivalent", "CKV2_AWS_32");

    /**
     * An {@code aws_cloudfront_distribution} on the default {@code *.cloudfront.net} certificate
     * ({@code cloudfront_default_certificate = true}, or no ACM/IAM certificate). CloudFront fixes the
     * security policy of that name at {@code TLSv1}, and no argument raises it: only a custom domain with
     * an ACM certificate does. That is a deliberate state for a site without a domain yet, so this is low
     * and separate from {@link #CF_OLD_TLS}, which judges the minimum a custom certificate sets.
     *
     * <p>cdk-nag: {@code AwsSolutions-CFR4}. Checkov: {@code CKV2_AWS_42}.
     */
    public static final Rule CF_DEFAULT_CERTIFICATE = new Rule("GS-CF-007", "CloudFrontDefaultCertificate",
            Severity.LOW, "the distribution is served on the *.cloudfront.net name, whose TLS policy CloudFront fixes at"
                    + " TLSv1",
            "growstack: StaticSiteProps.builder().aliases(List.of(\"www.example.com\")).certificateArn(<ACM arn in"
                    + " us-east-1>); Terraform: viewer_certificate.acm_certificate_arn",
            "AwsSolutions-CFR4", "CKV2_AWS_42");

    /**
     * An {@code aws_lb_listener} (or {@code aws_alb_listener}) on HTTP whose default action is not a
     * redirect to HTTPS. Listeners of load balancers known to be internal ({@code internal = true}) or
     * not application load balancers are not judged: their traffic does not cross the internet. An
     * HTTP-only service without a certificate yet is accepted with a suppression that says so.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-ALBHttpToHttpsRedirection}. Checkov: {@code CKV_AWS_2},
     * {@code CKV2_AWS_20}.
     */
    public static final Rule ELB_HTTP_LISTENER = new Rule("GS-ELB-001", "HttpListenerWithoutRedirect", Severity.HIGH,
            "the load balancer serves the internet over plain HTTP",
            "growstack: AutoScaledServiceProps.builder(network).certificateArn(\"arn:aws:acm:...\") serves HTTPS "
                    + "and redirects HTTP to it; Terraform: an HTTPS aws_lb_listener, and a redirect (HTTP_301 to HTTPS) as "
                    + "the HTTP listener's default_action",
            "NIST.800.53.R5-ALBHttpToHttpsRedirection", "CKV_AWS_2, CKV2_AWS_20");

    /**
     * An application {@code aws_lb} (or {@code aws_alb}) without {@code drop_invalid_header_fields = true}.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV_AWS_131}.
     */
    public static final Rule ELB_INVALID_HEADERS = new Rule("GS-ELB-002", "AlbKeepsInvalidHeaders", Severity.MEDIUM,
            "the load balancer forwards malformed HTTP headers (request smuggling risk)",
            "growstack: AutoScaledService sets it; Terraform: drop_invalid_header_fields = true",
            "no direct equivalent", "CKV_AWS_131");

    /**
     * An HTTPS or TLS listener whose {@code ssl_policy} is not a TLS 1.2+ policy:
     * {@code ELBSecurityPolicy-TLS13-1-2-*}, {@code ELBSecurityPolicy-TLS13-1-3-*},
     * {@code ELBSecurityPolicy-TLS-1-2-*} or {@code ELBSecurityPolicy-FS-1-2-*}. Absent fails (the API
     * default has long been {@code ELBSecurityPolicy-2016-08}, which accepts TLS 1.0), and so do
     * {@code ELBSecurityPolicy-TLS13-1-0-*} and {@code -1-1-*}, which keep TLS 1.0 and 1.1 despite
     * their name.
     *
     * <p>cdk-nag: no direct equivalent for ALB/NLB ({@code NIST.800.53.R5-ELBTlsHttpsListenersOnly} covers
     * classic load balancers). Checkov: {@code CKV_AWS_103}.
     */
    public static final Rule ELB_OLD_TLS = new Rule("GS-ELB-003", "ListenerOldTlsPolicy", Severity.MEDIUM,
            "the listener accepts TLS older than 1.2",
            "growstack: AutoScaledServiceProps.builder(network).sslPolicy(\"ELBSecurityPolicy-TLS13-1-2-2021-06\") "
                    + "(the default); Terraform: ssl_policy",
            "no direct equivalent", "CKV_AWS_103");

    /**
     * An application or network {@code aws_lb} without {@code access_logs} whose {@code enabled} is
     * {@code true} (the provider defaults {@code enabled} to false even when a bucket is given).
     *
     * <p>cdk-nag: {@code AwsSolutions-ELB2}, {@code NIST.800.53.R5-ELBLoggingEnabled}. Checkov:
     * {@code CKV_AWS_91}.
     */
    public static final Rule ELB_NO_ACCESS_LOGS = new Rule("GS-ELB-004", "LoadBalancerWithoutAccessLogs", Severity.LOW,
            "the load balancer keeps no access logs",
            "growstack: AutoScaledServiceProps.builder(network).accessLogsBucket(\"<bucket>\"); Terraform: "
                    + "access_logs with bucket and enabled = true",
            "AwsSolutions-ELB2, NIST.800.53.R5-ELBLoggingEnabled", "CKV_AWS_91");

    /**
     * An internet-facing application {@code aws_lb} (or {@code aws_alb}) that no
     * {@code aws_wafv2_web_acl_association} (or legacy {@code aws_wafregional_web_acl_association}) refers
     * to with {@code resource_arn}. An association whose {@code resource_arn} cannot be resolved makes the
     * rule judge nothing.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-ALBWAFEnabled}. Checkov: {@code CKV2_AWS_28}.
     */
    public static final Rule ELB_NO_WAF = new Rule("GS-ELB-005", "AlbWithoutWaf", Severity.MEDIUM,
            "no AWS WAF web ACL filters the internet-facing load balancer's requests",
            "growstack: add an aws_wafv2_web_acl_association with resource_arn = service.alb().attr(\"arn\");"
                    + " Terraform: aws_wafv2_web_acl_association.resource_arn",
            "NIST.800.53.R5-ALBWAFEnabled", "CKV2_AWS_28");

    /**
     * An {@code aws_vpc} that no {@code aws_flow_log} refers to with {@code vpc_id}. A flow log whose
     * {@code vpc_id} cannot be resolved makes the rule judge nothing.
     *
     * <p>cdk-nag: {@code AwsSolutions-VPC7}, {@code NIST.800.53.R5-VPCFlowLogsEnabled}. Checkov:
     * {@code CKV2_AWS_11}.
     */
    public static final Rule VPC_NO_FLOW_LOGS = new Rule("GS-VPC-001", "VpcWithoutFlowLogs", Severity.LOW,
            "the VPC records no flow logs",
            "growstack: NetworkProps.builder().flowLogs(FlowLogs.toCloudWatch()); Terraform: an aws_flow_log with "
                    + "vpc_id",
            "AwsSolutions-VPC7, NIST.800.53.R5-VPCFlowLogsEnabled", "CKV2_AWS_11");

    /**
     * An {@code aws_db_parameter_group} (or {@code aws_rds_cluster_parameter_group}) whose
     * {@code parameter} blocks set {@code require_secure_transport} to {@code 0}, {@code OFF} or
     * {@code false}: MySQL then accepts clients in plain text. growstack's Database sets it to 1; a
     * user's {@code parameter("require_secure_transport", "0")} is accepted but needs a suppression
     * with a reason.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: {@code CKV2_AWS_69} (encryption in transit).
     */
    public static final Rule RDS_TLS_NOT_REQUIRED = new Rule("GS-RDS-009", "RdsTlsNotRequired", Severity.HIGH,
            "the database accepts unencrypted client connections (require_secure_transport is off)",
            "growstack: drop parameter(\"require_secure_transport\", ...) from DatabaseProps (the default is 1);"
                    + " Terraform: aws_db_parameter_group parameter require_secure_transport = 1",
            "no direct equivalent", "CKV2_AWS_69");

    /**
     * An {@code aws_vpc} whose default security group is not taken over by an
     * {@code aws_default_security_group} with no {@code ingress} and no {@code egress}: AWS creates it with
     * all traffic allowed between its members and all egress, and anything launched without a group lands
     * in it. A takeover whose {@code vpc_id} cannot be resolved makes the rule judge nothing.
     *
     * <p>cdk-nag: {@code NIST.800.53.R5-VPCDefaultSecurityGroupClosed}. Checkov: {@code CKV2_AWS_12}.
     */
    public static final Rule VPC_DEFAULT_SG_OPEN = new Rule("GS-VPC-002", "DefaultSecurityGroupNotRestricted",
            Severity.LOW, "the VPC's default security group keeps AWS's rules (all traffic between members, all egress)",
            "growstack: add an aws_default_security_group with vpc_id = network.vpc().attr(\"id\") and no rules;"
                    + " Terraform: aws_default_security_group (ingress and egress left empty)",
            "NIST.800.53.R5-VPCDefaultSecurityGroupClosed", "CKV2_AWS_12");

    /**
     * In a production stack (the AWS provider's default tag {@code Environment} is {@code prod},
     * {@code production} or {@code prd}), the default routes of two or more private subnets all go to
     * one NAT: one NAT gateway, NAT instance or static NAT interface, which sits in one zone.
     *
     * <p>cdk-nag: no direct equivalent. Checkov: no direct equivalent.
     */
    public static final Rule NAT_SINGLE_ZONE = new Rule("GS-VPC-003", "NatInOneZone", Severity.LOW,
            "every private subnet reaches the internet through one NAT in one zone: that zone's outage cuts"
                    + " all outbound traffic",
            "growstack: NetworkProps.nat(NatProvider.instancePerAz()) (zones fail over to each other) or"
                    + " NatProvider.gateway(PER_AZ); Terraform: a NAT and a private route table per zone",
            "no direct equivalent", "no direct equivalent");

    /** Every rule, in id order (one a line, so adding one is a one-line change). */
    public static final List<Rule> ALL = List.of(
            CF_S3_WITHOUT_OAC,
            CF_ALLOW_HTTP,
            CF_OLD_TLS,
            CF_NO_LOGGING,
            CF_NO_WAF,
            CF_NO_SECURITY_HEADERS,
            CF_DEFAULT_CERTIFICATE,
            EC2_IMDSV2,
            EBS_UNENCRYPTED,
            EC2_NO_DETAILED_MONITORING,
            ELB_HTTP_LISTENER,
            ELB_INVALID_HEADERS,
            ELB_OLD_TLS,
            ELB_NO_ACCESS_LOGS,
            ELB_NO_WAF,
            IAM_PUBLIC_PRINCIPAL,
            IAM_ADMIN,
            IAM_GITHUB_OIDC,
            IAM_SERVICE_WILDCARD,
            IAM_STAR_RESOURCE,
            RDS_PUBLIC,
            RDS_UNENCRYPTED,
            RDS_NO_BACKUPS,
            RDS_NO_DELETION_PROTECTION,
            RDS_SINGLE_AZ,
            RDS_NO_IAM_AUTH,
            RDS_NO_ENHANCED_MONITORING,
            RDS_NO_LOG_EXPORTS,
            RDS_TLS_NOT_REQUIRED,
            S3_PUBLIC_ACCESS_BLOCK,
            S3_TLS_ONLY,
            S3_NO_ACCESS_LOGS,
            S3_NOT_VERSIONED,
            SG_ADMIN_FROM_WORLD,
            SG_DATA_FROM_WORLD,
            SG_OTHER_FROM_WORLD,
            NAT_BEYOND_VPC,
            SNS_UNENCRYPTED,
            SNS_TLS_ONLY,
            VPC_NO_FLOW_LOGS,
            VPC_DEFAULT_SG_OPEN,
            NAT_SINGLE_ZONE);

    private SecurityRules() {
    }

    /** The rule with {@code id}, if there is one. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
