package io.growstack.network;

/** The tiers of subnets a {@link Network} makes. */
public enum SubnetTier {
    /** Routed to the internet gateway: load balancers, NAT, bastion, reverse proxy. */
    PUBLIC,
    /** No route from the internet; outbound through the NAT, if any: servers, databases, caches. */
    PRIVATE
}
