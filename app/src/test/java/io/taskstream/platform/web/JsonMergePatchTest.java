package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonMergePatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Every example of RFC 7396 Appendix A: original, patch, result. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"a":"b"}                                 | {"a":"c"}                        | {"a":"c"}
            {"a":"b"}                                 | {"b":"c"}                        | {"a":"b","b":"c"}
            {"a":"b"}                                 | {"a":null}                       | {}
            {"a":"b","b":"c"}                         | {"a":null}                       | {"b":"c"}
            {"a":["b"]}                               | {"a":"c"}                        | {"a":"c"}
            {"a":"c"}                                 | {"a":["b"]}                      | {"a":["b"]}
            {"a":{"b":"c"}}                           | {"a":{"b":"d","c":null}}         | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}                         | {"a":[1]}                        | {"a":[1]}
            ["a","b"]                                 | ["c","d"]                        | ["c","d"]
            {"a":"b"}                                 | ["c"]                            | ["c"]
            {"a":"foo"}                               | null                             | null
            {"a":"foo"}                               | "bar"                            | "bar"
            {"e":null}                                | {"a":1}                          | {"e":null,"a":1}
            [1,2]                                     | {"a":"b","c":null}               | {"a":"b"}
            {}                                        | {"a":{"bb":{"ccc":null}}}        | {"a":{"bb":{}}}
            """)
    void appendixAExample(String original, String patch, String result) {
        assertThat(JsonMergePatch.apply(json(original), json(patch))).isEqualTo(json(result));
    }

    @Test
    void theTargetIsLeftUntouched() {
        JsonNode target = json("{\"a\":{\"b\":\"c\"},\"d\":1}");

        JsonMergePatch.apply(target, json("{\"a\":{\"b\":null},\"d\":null}"));

        assertThat(target).isEqualTo(json("{\"a\":{\"b\":\"c\"},\"d\":1}"));
    }

    @Test
    void theRfcsLargerExampleWorks() {
        JsonNode original = json("""
                {"title":"Goodbye!","author":{"givenName":"John","familyName":"Doe"},"tags":["example","sample"],
                 "content":"This will be unchanged"}""");
        JsonNode patch = json("""
                {"title":"Hello!","phoneNumber":"+01-123-456-7890","author":{"familyName":null},"tags":["example"]}""");

        assertThat(JsonMergePatch.apply(original, patch)).isEqualTo(json("""
                {"title":"Hello!","author":{"givenName":"John"},"tags":["example"],"content":"This will be unchanged",
                 "phoneNumber":"+01-123-456-7890"}"""));
    }

    @Test
    void aPatchAgainstAMissingTargetBuildsTheObject() {
        assertThat(JsonMergePatch.apply(null, json("{\"a\":{\"b\":null,\"c\":1}}"))).isEqualTo(json("{\"a\":{\"c\":1}}"));
    }
}
