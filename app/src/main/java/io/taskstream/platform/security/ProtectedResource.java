package io.taskstream.platform.security;

import java.net.URI;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadataClaimNames;

/**
 * What the API tells clients about itself as an OAuth 2.0 protected resource (RFC 9728, which MCP clients follow): the
 * {@code resource_metadata} parameter of its {@code WWW-Authenticate} challenges and the {@code resource} of its
 * metadata document ({@code /.well-known/oauth-protected-resource}). Both come from the configured public URL
 * ({@code taskstream.public-url}), never from a request's {@code Host} or {@code X-Forwarded-Host}, which whoever sends
 * the request chooses.
 * <p>
 * Without a public URL the challenge names no metadata address at all: the parameter is optional, it must be an
 * absolute URL (so a relative one is no way out), and the server knows no address of its own that clients could reach
 * (its bind address is not one). A client then looks for the metadata at the well-known path of the origin it called,
 * which it chose itself.
 */
final class ProtectedResource {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    private static final Pattern RESOURCE_METADATA = Pattern.compile(
            ",\\s*resource_metadata=\"[^\"]*\"|resource_metadata=\"[^\"]*\"(,\\s*)?");

    private final URI publicUrl;

    /** @param publicUrl the public URL without a trailing slash, or null */
    ProtectedResource(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The {@code resource_metadata} parameter, or null when none may be named. */
    String metadataUrl() {
        return publicUrl == null ? null : publicUrl + METADATA_PATH;
    }

    /**
     * The challenge with its {@code resource_metadata} parameter set from the public URL, or taken out without one.
     */
    String challenge(String challenge) {
        if (challenge == null) {
            return null;
        }
        String without = RESOURCE_METADATA.matcher(challenge).replaceAll("").strip();
        String metadata = metadataUrl();
        if (metadata == null) {
            return without;
        }
        return without + (without.equals("Bearer") ? " " : ", ") + "resource_metadata=\"" + metadata + "\"";
    }

    /**
     * The metadata document's {@code resource}: the request's path under the public URL; the request-built default
     * when there is none (a client checks that it names the resource it asked for).
     */
    Consumer<OAuth2ProtectedResourceMetadata.Builder> metadata() {
        return builder -> builder.claims(claims -> {
            Object resource = claims.get(OAuth2ProtectedResourceMetadataClaimNames.RESOURCE);
            if (publicUrl != null && resource != null) {
                String path = URI.create(resource.toString()).getRawPath();
                claims.put(OAuth2ProtectedResourceMetadataClaimNames.RESOURCE,
                        publicUrl + (path == null || path.equals("/") ? "" : path));
            }
        });
    }
}
