package io.taskstream.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Top-level settings of a Taskstream process.
 *
 * @param dataDir where the embedded database and generated secrets live ({@code TASKSTREAM_DATA_DIR})
 * @param publicUrl the address clients reach the API at, e.g. {@code https://tasks.example.com}
 *         ({@code TASKSTREAM_PUBLIC_URL}); what the server tells clients about itself where a request's {@code Host}
 *         or {@code X-Forwarded-Host}, which the client chooses, must not decide it. Null when not configured.
 */
@ConfigurationProperties("taskstream")
public record TaskstreamProperties(@DefaultValue("./data") Path dataDir, URI publicUrl) {

    public TaskstreamProperties {
        if (publicUrl != null) {
            String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || publicUrl.getHost() == null
                    || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null
                    || publicUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("taskstream.public-url must be an absolute http(s) URL with a host "
                        + "and no user info, query or fragment, such as https://tasks.example.com: " + publicUrl);
            }
            String text = publicUrl.toString();
            publicUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
    }

    /** The embedded PostgreSQL's files: {@code postgres} under the data dir, as an absolute path. */
    public Path embeddedDatabaseDir() {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }
}
