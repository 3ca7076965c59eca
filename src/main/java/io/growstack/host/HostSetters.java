package io.growstack.host;

import java.util.List;

/**
 * The host settings of a props builder whose block runs a full growstack host: the
 * {@link MachineSetters machine settings} plus its instance role, purchase and user data.
 *
 * @param <B> the props builder, returned by every setter for chaining
 */
public interface HostSetters<B extends HostSetters<B>> extends MachineSetters<B> {
    /** Whether the instance role carries the SSM Session Manager policy. Default: true. */
    default B ssmSessionManager(boolean enabled) {
        hostSettings().ssmSessionManager(enabled);
        return me();
    }

    /** Extra managed policies for the instance role, by ARN. Default: none. */
    default B managedPolicyArns(List<String> arns) {
        hostSettings().managedPolicyArns(arns);
        return me();
    }

    /** Buy the instance as spot. Default: the block's (on-demand, except the bastion). */
    default B spot(SpotSettings spot) {
        hostSettings().spot(spot);
        return me();
    }

    /** Buy the instance on demand. */
    default B onDemand() {
        hostSettings().onDemand();
        return me();
    }

    /**
     * User data: a {@code #!} script or {@code #cloud-config}, at most 16 KiB. It may hold Terraform
     * references such as <code>${aws_db_instance.db.address}</code> (write <code>$${</code> for a
     * literal <code>${</code>). Default: none.
     */
    default B userData(String userData) {
        hostSettings().userData(userData);
        return me();
    }

    @SuppressWarnings("unchecked")
    private B me() {
        return (B) this;
    }
}
