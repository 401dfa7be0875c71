package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.platform.TaskstreamProperties;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReadyLineTest {

    @Test
    void namesLocalhostWhenTheServerListensOnEveryAddress() {
        assertThat(line(null, null).url(8080)).isEqualTo("http://localhost:8080/");
        assertThat(line(null, "0.0.0.0").url(9090)).isEqualTo("http://localhost:9090/");
        assertThat(line(null, "::").url(9090)).isEqualTo("http://localhost:9090/");
    }

    @Test
    void namesTheAddressTheServerIsBoundTo() {
        assertThat(line(null, "127.0.0.1").url(18080)).isEqualTo("http://127.0.0.1:18080/");
        assertThat(line(null, "::1").url(18080)).isEqualTo("http://[::1]:18080/");
    }

    @Test
    void namesThePublicUrlWhenOneIsSet() {
        assertThat(line("https://tasks.example.com", null).url(8080)).isEqualTo("https://tasks.example.com");
    }

    private static ReadyLine line(String publicUrl, String address) {
        MockEnvironment environment = new MockEnvironment();
        if (address != null) {
            environment.setProperty("server.address", address);
        }
        return new ReadyLine(new TaskstreamProperties(Path.of("data"), publicUrl == null ? null : URI.create(publicUrl)),
                environment);
    }
}
