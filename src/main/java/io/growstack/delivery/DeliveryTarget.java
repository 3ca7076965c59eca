package io.growstack.delivery;

import io.growstack.compute.AutoScaledService;
import io.growstack.compute.Server;
import java.util.Objects;

/**
 * Where and how {@link Delivery} deploys: a strategy chosen by intent, as the network's NAT is.
 *
 * <ul>
 *   <li>{@link #inPlace(Server)}: the seed's version-3 host, found by its {@code Name} tag; the app is
 *       stopped, replaced and started on it (a short outage on one host).
 *   <li>{@link #inPlace(AutoScaledService)}: the service's group, instance by instance, each taken out
 *       of the target group while it is replaced.
 *   <li>{@link #blueGreen(AutoScaledService)}: the seed's version-4 blue/green behind the load balancer,
 *       on the service's two Terraform-owned groups ({@code blueGreen(true)} on the service); the
 *       workflow deploys to the idle colour and CodeDeploy moves traffic to it. Terraform survives it.
 *   <li>{@link #blueGreenCopyingGroup(AutoScaledService)}: what the seed did, CodeDeploy's
 *       {@code COPY_AUTO_SCALING_GROUP}. <strong>Caveat:</strong> each deployment replaces the group
 *       Terraform created with a copy Terraform does not know (hashicorp/terraform-provider-aws#4678),
 *       so the next plan wants to create the original group again; only choose it if Terraform stops
 *       managing the group after the first deployment ({@code terraform state rm}).
 * </ul>
 */
public final class DeliveryTarget {
    /** The deployment style a target implies. */
    public enum Style {
        /** Stop, replace and start the app on the instances it runs on. */
        IN_PLACE,
        /** Deploy to the idle one of two Terraform-owned groups and move traffic to it. */
        BLUE_GREEN,
        /** Let CodeDeploy copy the group for each deployment (the caveated option). */
        BLUE_GREEN_COPY_GROUP
    }

    private final Style style;
    private final Server server;
    private final AutoScaledService service;

    private DeliveryTarget(Style style, Server server, AutoScaledService service) {
        this.style = style;
        this.server = server;
        this.service = service;
    }

    /** In-place deployments to one {@link Server}, selected by its {@code Name} tag. */
    public static DeliveryTarget inPlace(Server server) {
        return new DeliveryTarget(Style.IN_PLACE, Objects.requireNonNull(server, "server must not be null"), null);
    }

    /** In-place deployments to a service's one group, with traffic blocked per instance while it is replaced. */
    public static DeliveryTarget inPlace(AutoScaledService service) {
        return new DeliveryTarget(Style.IN_PLACE, null, Objects.requireNonNull(service, "service must not be null"));
    }

    /** Blue/green deployments between the two groups of a service built with {@code blueGreen(true)}. */
    public static DeliveryTarget blueGreen(AutoScaledService service) {
        return new DeliveryTarget(Style.BLUE_GREEN, null, Objects.requireNonNull(service, "service must not be null"));
    }

    /** Blue/green with {@code COPY_AUTO_SCALING_GROUP}: read the caveat in the class comment first. */
    public static DeliveryTarget blueGreenCopyingGroup(AutoScaledService service) {
        return new DeliveryTarget(Style.BLUE_GREEN_COPY_GROUP, null, Objects.requireNonNull(service, "service must not be null"));
    }

    /** The deployment style. */
    public Style style() {
        return style;
    }

    /** The server of an in-place server target, or {@code null}. */
    public Server server() {
        return server;
    }

    /** The service, or {@code null} for a server target. */
    public AutoScaledService service() {
        return service;
    }
}
