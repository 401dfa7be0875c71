/**
 * Thin shared infrastructure: configuration aliases and Dapr secrets ({@code config}), the embedded and standalone
 * PostgreSQL and work deferred until a commit ({@code db}), roles ({@code roles}, {@code @ConditionalOnRole}),
 * security ({@code security}: our JWTs, personal API tokens, an external OpenID Connect issuer, session revocation
 * through {@code SessionVerifier}), the exceptions business code throws for a client's mistakes with their problem
 * types ({@code problem}), and the web layer ({@code web}: the mapping of those exceptions to problem details, request
 * ids, body and query limits, browser policy headers, the Dapr callback gate, the management port). At its root,
 * {@link io.taskstream.platform.TaskstreamProperties} and {@link io.taskstream.platform.QuotaProperties} (per-account
 * quotas). Open to every business module; holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.taskstream.platform;
