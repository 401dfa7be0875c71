package io.taskstream.platform.security;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes through the delegate (which may answer from memory), then asks the {@link SessionVerifier} whether the
 * session is still active: outside the cache, so that no remembered decode outlives a logout, a password change or
 * the account's deletion. A refused token is a {@link BadJwtException}, which the resource server answers with 401.
 */
final class RevocationCheckingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final SessionVerifier sessions;

    RevocationCheckingJwtDecoder(JwtDecoder delegate, SessionVerifier sessions) {
        this.delegate = delegate;
        this.sessions = sessions;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = delegate.decode(token);
        if (!sessions.isActive(jwt)) {
            throw new BadJwtException("The token was revoked: signed out, password changed or account deleted");
        }
        return jwt;
    }
}
