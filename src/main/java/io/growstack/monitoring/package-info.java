/**
 * Monitoring of a service: a Prometheus and Grafana host inside the VPC that scrapes the Spring Boot
 * actuator on the management port, Grafana reached only through the bastion, and CloudWatch alarms.
 */
package io.growstack.monitoring;
