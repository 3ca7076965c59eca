/**
 * Web front ends: {@link io.growstack.web.StaticSite} (a private S3 bucket behind CloudFront with
 * an Origin Access Control, SPA fallback) and {@link io.growstack.web.PrivateBucket}, the private,
 * encrypted, TLS-only bucket it is built on and that other blocks reuse.
 */
package io.growstack.web;
