/**
 * What every block that runs EC2 shares: the host settings of its props ({@link io.growstack.host.HostSettings}),
 * their checks and the launch settings made from them ({@link io.growstack.host.Host}), the instance role
 * and the {@code #cloud-config} user data. Below the blocks: the NAT instance (network) uses it too, so it
 * imports no block.
 */
package io.growstack.host;
