package io.taskstream.notification;

import io.taskstream.platform.problem.ClientErrorException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.springframework.stereotype.Component;

/**
 * What a webhook URL may be: absolute http(s) with a host and, unless the admin allows private networks, not an
 * address literal inside our network ({@link InternalAddresses}; a name is checked when it is called, against what it
 * resolves to then). The host is read as the webhook client will read it, so that no spelling of an address is judged
 * one way here and called another way there.
 */
@Component
class WebhookUrls {

    private final boolean allowPrivateNetworks;

    WebhookUrls(NotificationProperties properties) {
        this.allowPrivateNetworks = properties.webhook().allowPrivateNetworks();
    }

    void checkSyntax(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null
                    || url.length() > 2000) {
                throw invalid();
            }
        } catch (URISyntaxException e) {
            throw invalid();
        }
        HttpUrl called = HttpUrl.parse(url);
        if (called == null) {
            throw invalid();
        }
        if (!allowPrivateNetworks && internalLiteral(called.host())) {
            throw ClientErrorException.invalid("webhook.url",
                    "must not be an address in a private, loopback, link-local or otherwise internal network");
        }
    }

    private static boolean internalLiteral(String host) {
        try {
            Optional<InetAddress> literal = InternalAddresses.literal(host);
            return literal.isPresent() && InternalAddresses.internal(literal.get());
        } catch (UnknownHostException e) {
            return true; // looks like an address but is none: never one to call
        }
    }

    private static ClientErrorException invalid() {
        return ClientErrorException.invalid("webhook.url",
                "must be an absolute http or https URL with a host and no user info, at most 2000 characters");
    }
}
