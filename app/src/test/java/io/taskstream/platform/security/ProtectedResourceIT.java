package io.taskstream.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.platform.TaskstreamProperties;
import io.taskstream.support.ApiIT;
import io.taskstream.support.ConfiguredInstance;
import io.taskstream.support.HttpApi;
import io.taskstream.support.RawHttp;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The address of the protected resource metadata (RFC 9728) that a 401 points MCP clients to comes from the configured
 * public URL, whatever {@code Host} or {@code X-Forwarded-Host} the request claims; without one, no address is named.
 */
class ProtectedResourceIT extends ApiIT {

    private static final List<String> FORGED = List.of(
            "Host: evil.example\r\n",
            "Host: localhost\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: http\r\n",
            "Host: evil.example:8443\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Port: 8443\r\n");

    @Autowired
    DataSource dataSource;
    @Autowired
    TaskstreamProperties properties;

    @Test
    void withoutAPublicUrlAChallengeNamesNoMetadataAddress() throws IOException {
        for (String path : List.of("/mcp", "/api/auth/me")) {
            for (String headers : FORGED) {
                String head = RawHttp.head(
                        RawHttp.send(port, "GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n"));

                assertThat(head).as(path + " " + headers).startsWith("http/1.1 401 ")
                        .contains("www-authenticate: bearer").doesNotContain("resource_metadata", "evil");
            }
        }
        assertThat(api.withToken("not-a-jwt").withHeader("X-Forwarded-Host", "evil.example").get("/mcp")
                .header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"")
                .doesNotContain("resource_metadata", "evil");
    }

    @Test
    void withAPublicUrlAChallengeNamesTheMetadataUnderItWhateverTheRequestClaims() throws IOException {
        int configured = ConfiguredInstance.port(dataSource, properties);
        String metadata = "resource_metadata=\"" + ConfiguredInstance.PUBLIC_URL + "/.well-known/oauth-protected-resource\"";

        for (String path : List.of("/mcp", "/api/auth/me")) {
            for (String headers : FORGED) {
                String head = RawHttp.head(
                        RawHttp.send(configured, "GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n"));

                assertThat(head).as(path + " " + headers).startsWith("http/1.1 401 ")
                        .contains("www-authenticate: bearer " + metadata.toLowerCase(Locale.ROOT)).doesNotContain("evil");
            }
        }
        assertThat(new HttpApi(configured).withToken("not-a-jwt").withHeader("X-Forwarded-Host", "evil.example")
                .get("/mcp").header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"").endsWith(metadata);
    }

    @Test
    void theMetadataDocumentNamesTheResourceUnderThePublicUrl() throws IOException {
        int configured = ConfiguredInstance.port(dataSource, properties);

        String response = RawHttp.send(configured, "GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 200 ");
        JsonNode document = HttpApi.JSON.readTree(body(response));
        assertThat(document.get("resource").asString()).isEqualTo(ConfiguredInstance.PUBLIC_URL);
        assertThat(response).doesNotContain("evil");
    }


    /** The body of a raw response, chunked or not (the document is small: one chunk). */
    private static String body(String response) {
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        if (RawHttp.head(response).contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2);
            body = body.substring(0, body.indexOf("\r\n"));
        }
        return body;
    }

}
