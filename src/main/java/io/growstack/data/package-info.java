/**
 * Data stores: {@link io.growstack.data.Database} (RDS for MySQL) and {@link io.growstack.data.Cache}
 * (ElastiCache for Valkey or Redis OSS).
 *
 * <p>Both live in the network's private subnets, encrypt at rest and in transit, keep no secret in
 * the synthesized JSON, and open their port to nobody until
 * {@code connections().allowDefaultPortFrom(peer, description)} names a peer. Their security
 * groups state a minimal egress (to the VPC only), because the library requires every group to
 * state its egress and neither store opens connections of its own.
 */
package io.growstack.data;
