package io.taskstream.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProtectedResourceTest {

    private static final String FROM_REQUEST = "resource_metadata=\"https://evil.example/.well-known/oauth-protected-resource\"";

    @Test
    void theChallengeNamesTheMetadataUnderThePublicUrl() {
        ProtectedResource resource = new ProtectedResource(URI.create("https://tasks.example.com"));

        assertThat(resource.challenge("Bearer " + FROM_REQUEST)).isEqualTo(
                "Bearer resource_metadata=\"https://tasks.example.com/.well-known/oauth-protected-resource\"");
        assertThat(resource.challenge("Bearer error=\"invalid_token\", error_description=\"Jwt expired\", "
                + FROM_REQUEST)).isEqualTo("Bearer error=\"invalid_token\", error_description=\"Jwt expired\", "
                + "resource_metadata=\"https://tasks.example.com/.well-known/oauth-protected-resource\"");
    }

    @Test
    void withoutAPublicUrlTheChallengeNamesNoMetadata() {
        ProtectedResource resource = new ProtectedResource(null);

        assertThat(resource.challenge("Bearer " + FROM_REQUEST)).isEqualTo("Bearer");
        assertThat(resource.challenge("Bearer error=\"invalid_token\", " + FROM_REQUEST))
                .isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(resource.challenge("Bearer " + FROM_REQUEST + ", error=\"invalid_token\""))
                .isEqualTo("Bearer error=\"invalid_token\"");
    }
}
