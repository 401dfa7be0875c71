package io.taskstream.platform.security;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.ProblemType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Which credential authenticated a request. Some actions change the credentials themselves (API tokens, the
 * password, signing out, deleting the account): a personal API token, a credential handed to a script or an MCP
 * client, may not take them, so that a leaked one cannot mint more tokens or lock its owner out.
 */
public final class Credentials {

    private Credentials() {
    }

    /** Whether a personal API token authenticated the request. */
    public static boolean isApiToken(Authentication authentication) {
        return hasAuthority(authentication, ApiTokenAuthenticationProvider.AUTHORITY);
    }

    /** Refuses (403) a request authenticated by a personal API token. */
    public static void refuseApiToken(Authentication authentication, String action) {
        if (isApiToken(authentication)) {
            throw new ClientErrorException(ProblemType.FORBIDDEN,
                    "An API token may not " + action + "; sign in with email and password");
        }
    }

    /**
     * The access token of a session we issued at login or sign-up; refuses (403) API tokens and the external
     * issuer's tokens, whose sessions that issuer keeps.
     */
    public static Jwt requireOwnSession(Authentication authentication, String action) {
        refuseApiToken(authentication, action);
        if (authentication instanceof JwtAuthenticationToken jwt
                && !hasAuthority(authentication, ExternalIssuerAuthentication.AUTHORITY)) {
            return jwt.getToken();
        }
        throw new ClientErrorException(ProblemType.FORBIDDEN,
                "Only a session signed in with email and password may " + action);
    }

    private static boolean hasAuthority(Authentication authentication, String authority) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
