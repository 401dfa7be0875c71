package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.platform.problem.FieldViolation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nulAndLoneSurrogatesCannotBeStoredButPairsAndOtherControlsCan() {
        assertThat(JsonText.problem("a\u0000b")).contains("NUL");
        assertThat(JsonText.problem("\ud800")).contains("lone surrogate");
        assertThat(JsonText.problem("x\udc00")).contains("lone surrogate");
        assertThat(JsonText.problem("\ud83d")).contains("lone surrogate");
        assertThat(JsonText.problem("\ud83d\ude00 \u0001\t漢字")).isNull();
        assertThat(JsonText.problem("")).isNull();
    }

    @Test
    void everyStringOfADocumentIsNamedByItsPath() {
        var document = JSON.readTree("{\"title\":\"a\\u0000\",\"tags\":[\"ok\",\"\\ud800\"],\"recurrence\":{\"rule\":\"\\u0000\"},"
                + "\"\\u0000\":1,\"fine\":\"\\ud83d\\ude00\"}");

        assertThat(JsonText.violations(document)).extracting(FieldViolation::field)
                .containsExactly("title", "tags[1]", "recurrence.rule", "\\u0000");
        assertThat(JsonText.violations(JSON.readTree("\"\\u0000\""))).extracting(FieldViolation::field).containsExactly("body");
    }

    @Test
    void theQuickLookFindsEveryEscapeOfSuchTextAndPassesOrdinaryDocuments() {
        assertThat(look("{\"t\":\"\\u0000\"}")).isTrue();
        assertThat(look("{\"t\":\"\\uD800\"}")).isTrue();
        assertThat(look("{\"t\":\"\\udfff\"}")).isTrue();
        assertThat(look("{\"t\":\"\\u00e9 \\u4e2d\", \"d\":\"2027-01-01\"}")).isFalse();
        assertThat(look("{\"t\":\"Ünïcödé ☃ 漢字\"}")).isFalse();
    }

    private static boolean look(String json) {
        return JsonText.mayHoldUnstorableText(json.getBytes(StandardCharsets.UTF_8));
    }
}
