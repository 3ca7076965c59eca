/**
 * Delivery: the seed's pipeline from GitHub Actions to running instances, with no SSH and no
 * long-lived keys. {@link io.growstack.delivery.Delivery} makes the artifact bucket, the CodeDeploy
 * application and deployment group (in-place, or blue/green that Terraform survives), the IAM roles
 * and the GitHub Actions OpenID Connect trust ({@link io.growstack.delivery.GitHubOidc});
 * {@link io.growstack.files.DeliveryFiles} renders the appspec, its hook scripts and the workflows
 * from the synthesized stack.
 */
package io.growstack.delivery;
