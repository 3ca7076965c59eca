package io.growstack.host;

import io.growstack.aws.IamInstanceProfile;
import io.growstack.aws.IamRole;
import io.growstack.aws.IamRolePolicy;
import io.growstack.aws.IamRolePolicyAttachment;
import io.growstack.core.Args;
import io.growstack.core.AwsNames;
import io.growstack.core.GrowStack;
import io.growstack.core.Ids;
import io.growstack.core.PolicyStatement;
import io.growstack.core.Resource;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The IAM role and instance profile of EC2 hosts: trusted by {@code ec2.amazonaws.com} only,
 * optionally with the managed policy that lets SSM Session Manager open a shell without SSH.
 * Blocks add narrowly scoped inline statements with {@link #addStatement}.
 */
public final class InstanceRole extends Construct {
    /** The managed policy SSM Session Manager needs on the instance. */
    public static final String SSM_MANAGED_POLICY = "AmazonSSMManagedInstanceCore";

    private final GrowStack stack;
    private final Resource role;
    private final Resource profile;
    private int statements;

    /** A role named {@code <project>-<env>-<name>} with its instance profile. */
    public InstanceRole(Construct scope, String id, String name, boolean ssmSessionManager) {
        super(Ids.check(scope, id), id);
        Ids.created(this);
        this.stack = GrowStack.of(this);
        String roleName = AwsNames.iam(scope, "id", stack.naming().name(name));
        Profiled resources = profiled(this, "role", "profile", roleName, "EC2 role of " + roleName);
        this.role = resources.role();
        this.profile = resources.profile();
        if (ssmSessionManager) {
            attachManagedPolicy("ssm", "arn:" + stack.partition() + ":iam::aws:policy/" + SSM_MANAGED_POLICY);
        }
    }

    /**
     * A role only EC2 may assume and its instance profile.
     *
     * @param role    the {@code aws_iam_role}
     * @param profile the {@code aws_iam_instance_profile} holding it
     */
    public record Profiled(Resource role, Resource profile) {
    }

    /**
     * A role trusted by {@code ec2.amazonaws.com} only, named {@code name}, and its instance profile of the
     * same name, as resources {@code roleId} and {@code profileId} under {@code scope}: the pair every
     * host role starts from, also for a host whose role grants what only it needs (the NAT's).
     */
    public static Profiled profiled(Construct scope, String roleId, String profileId, String name, String description) {
        Args.notNull(scope, "scope");
        Args.notNull(name, "name");
        Args.notNull(description, "description");
        String trust = PolicyStatement.document(List.of(PolicyStatement.trustService("Ec2AssumeRole", "ec2.amazonaws.com")));
        Resource role = new Resource(scope, roleId, new IamRole(name, description, trust, Map.of()));
        Resource profile = new Resource(scope, profileId, new IamInstanceProfile(name, role.attr("name"), Map.of()));
        return new Profiled(role, profile);
    }

    /** Attaches an AWS managed or customer managed policy by ARN. */
    public Resource attachManagedPolicy(String id, String policyArn) {
        return new Resource(this, "policy-" + id, new IamRolePolicyAttachment(role.attr("name"), policyArn));
    }

    /**
     * Adds an inline policy with one statement.
     *
     * @param sid       the statement id, also the policy name
     * @param actions   the allowed actions
     * @param resources the resources they apply to (never {@code *} by habit)
     */
    public Resource addStatement(String sid, List<String> actions, List<String> resources) {
        statements++;
        String policy = PolicyStatement.document(List.of(PolicyStatement.allow(sid, actions, resources)));
        return new Resource(this, "inline-" + statements, new IamRolePolicy(sid, role.attr("id"), policy));
    }

    /** The {@code aws_iam_role}. */
    public Resource role() {
        return role;
    }

    /** The {@code aws_iam_instance_profile}. */
    public Resource profile() {
        return profile;
    }

    /** The instance profile name (a reference). */
    public String profileName() {
        return profile.attr("name");
    }

    /** The instance profile ARN (a reference). */
    public String profileArn() {
        return profile.attr("arn");
    }
}
