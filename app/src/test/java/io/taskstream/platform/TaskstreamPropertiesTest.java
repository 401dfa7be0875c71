package io.taskstream.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskstreamPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://tasks.example.com", "https://tasks.example.com/", "http://10.0.0.5:8080/taskstream/"})
    void aPublicUrlIsKeptWithoutItsTrailingSlash(String url) {
        URI kept = new TaskstreamProperties(Path.of("data"), URI.create(url)).publicUrl();

        assertThat(kept.toString()).isEqualTo(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasks.example.com", "/taskstream", "ftp://tasks.example.com", "https://tasks.example.com/?a=b",
            "https://tasks.example.com/#top", "https://user:secret@tasks.example.com"})
    void aPublicUrlThatIsNoHttpOriginIsRefusedAtStart(String url) {
        assertThatThrownBy(() -> new TaskstreamProperties(Path.of("data"), URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskstream.public-url");
    }

    @Test
    void withoutAPublicUrlThereIsNone() {
        assertThat(new TaskstreamProperties(Path.of("data"), null).publicUrl()).isNull();
    }
}
