/**
 * The files growstack generates that are not Terraform: nginx's {@code nginx.conf}
 * ({@link io.growstack.files.NginxConfig}), Prometheus's and Grafana's provisioning
 * ({@link io.growstack.files.PrometheusConfig}, {@link io.growstack.files.GrafanaProvisioning}), the
 * NAT instances' user data ({@link io.growstack.files.NatInstanceUserData}), and a delivery's appspec,
 * hook scripts and GitHub workflows ({@link io.growstack.files.DeliveryFiles},
 * {@link io.growstack.files.InfrastructureWorkflow}). Values are rendered by Jackson in the one YAML
 * style of {@link io.growstack.core.Yaml}; shell is kept in {@code .sh} resources beside these
 * classes, so shellcheck lints what ships. Below the blocks: this package imports only core and
 * Jackson, and the blocks use it.
 */
package io.growstack.files;
