/**
 * Account-level resources: what AWS allows once per account (the GitHub Actions OIDC provider), kept
 * in one stack per account so that environment stacks of one product apply side by side.
 */
package io.growstack.account;
