package io.taskstream.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/**
 * Authenticates a personal API token through the {@link ApiTokenVerifier}. The principal's name is
 * the user id, like a JWT's subject, so the same-user rule of {@code /api/{userId}/**} applies as is.
 */
final class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    static final String AUTHORITY = "AUTH_API_TOKEN";
    /** The principal's attribute that holds the token's id, so that what outlives the request can check it. */
    static final String TOKEN_ID_ATTRIBUTE = "tid";

    private final ApiTokenVerifier verifier;

    ApiTokenAuthenticationProvider(ApiTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        ApiTokenVerifier.VerifiedApiToken verified = verifier.verify(token)
                .orElseThrow(() -> new InvalidBearerTokenException("The API token is unknown, revoked or expired"));
        String userId = verified.userId();
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(AUTHORITY));
        DefaultOAuth2AuthenticatedPrincipal principal = new DefaultOAuth2AuthenticatedPrincipal(userId,
                Map.of("sub", userId, TOKEN_ID_ATTRIBUTE, verified.id()), authorities);
        OAuth2AccessToken credentials = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, null, null);
        return new BearerTokenAuthentication(principal, credentials, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
