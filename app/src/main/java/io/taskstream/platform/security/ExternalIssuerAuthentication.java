package io.taskstream.platform.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Authenticates the tokens of the external OpenID Connect issuer ({@code TASKSTREAM_OIDC_ISSUER_URI}): the keys come
 * from the JWK set its discovery document names (fetched on the first such token, so the app starts while the
 * issuer is down, and cached), the algorithms from the keys (RS256, ES256, ...). A valid token's subject is mapped to
 * a Taskstream user by {@link ExternalAccounts}, and that user's id becomes the principal's name, so the same-user
 * rule of {@code /api/{userId}/**} and the MCP endpoint work unchanged.
 */
final class ExternalIssuerAuthentication {

    static final String AUTHORITY = "AUTH_OIDC";
    private static final Logger log = LoggerFactory.getLogger(ExternalIssuerAuthentication.class);

    private ExternalIssuerAuthentication() {
    }

    static AuthenticationManager manager(String issuer, String audience, ExternalAccounts accounts, Clock clock) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
                new CachingJwtDecoder(decoder(issuer, audience), clock));
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(AUTHORITY));
        provider.setJwtAuthenticationConverter(jwt -> {
            String userId = accounts.userIdFor(identity(jwt)).orElseThrow(() -> new InvalidBearerTokenException(
                    "The token's identity cannot be mapped to an account (an email claim is needed, verified when an "
                            + "account with that email exists)"));
            return new JwtAuthenticationToken(jwt, authorities, userId);
        });
        return new ProviderManager(provider);
    }

    /**
     * The issuer's tokens' decoder. While its discovery document or keys cannot be fetched (the issuer is down or
     * answers nonsense), a token is refused as an authentication failure (401, logged) instead of a server error:
     * the lazy decoder's initialisation exception is no {@link JwtException} and would otherwise escape as a 500.
     */
    static JwtDecoder decoder(String issuer, String audience) {
        JwtDecoder lazy = discovered(issuer, audience);
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                log.warn("Cannot load the keys of the OpenID Connect issuer {}: {}", issuer, e.getCause() == null
                        ? e.getMessage() : e.getCause().getMessage());
                throw new JwtException("The token's issuer cannot be reached to verify it", e);
            }
        };
    }

    private static JwtDecoder discovered(String issuer, String audience) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).discoverJwsAlgorithms().build();
            List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
            validators.add(new JwtIssuerValidator(issuer));
            // Access tokens are "JWT" or, per RFC 9068, "at+jwt"; many issuers send no typ at all.
            JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
            type.setAllowEmpty(true);
            validators.add(type);
            if (audience != null && !audience.isBlank()) {
                validators.add(new JwtAudienceValidator(audience));
            }
            decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(validators));
            return decoder;
        });
    }

    private static ExternalIdentity identity(Jwt jwt) {
        Object verified = jwt.getClaims().get("email_verified");
        return new ExternalIdentity(jwt.getClaimAsString("iss"), jwt.getSubject(), jwt.getClaimAsString("email"),
                Boolean.TRUE.equals(verified) || "true".equals(verified), jwt.getClaimAsString("name"),
                jwt.getClaimAsString("zoneinfo"));
    }
}
