package io.taskstream.notification;

import io.taskstream.platform.web.ClientErrorException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** What a webhook URL may be: absolute http(s) with a host. */
@Component
class WebhookUrls {

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
    }

    private static ClientErrorException invalid() {
        return ClientErrorException.invalid("webhook.url",
                "must be an absolute http or https URL with a host and no user info, at most 2000 characters");
    }
}
