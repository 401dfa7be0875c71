package io.taskstream.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonTypeCheckTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Inner(Boolean enabled, @JsonProperty("for") String duration) {
    }

    record Body(String title, Boolean done, Integer count, Double weight, List<String> tags, JsonNode anything,
            Inner inner, Map<String, Integer> scores, int size) {
    }

    record Valid(String title, String priority) implements SelfValidating {
        @Override
        public List<FieldViolation> violations() {
            return "urgent".equals(priority) ? List.of(new FieldViolation("priority", "must be low or high"),
                    new FieldViolation("title", "is required")) : List.of();
        }
    }

    private static List<String> fields(String body) {
        return JsonTypeCheck.violations(JSON.readTree(body), Body.class).stream().map(v -> v.field().field()).toList();
    }

    @Test
    void wellTypedMembersAndNullsPass() {
        assertThat(fields("""
                {"title": "t", "done": true, "count": 3, "weight": 1.5, "tags": ["a"], "anything": [1, {"x": 2}],
                 "inner": {"enabled": false, "for": "PT1M"}, "scores": {"a": 1}, "size": 2}""")).isEmpty();
        assertThat(fields("{\"title\": null, \"tags\": null, \"inner\": null}")).isEmpty();
    }

    @Test
    void everyWrongTypedMemberIsNamedByItsPath() {
        assertThat(fields("""
                {"title": 5, "done": "yes", "count": 1.5, "weight": "2", "tags": ["a", 1, null, false],
                 "inner": {"enabled": 1, "for": 60}, "scores": {"a": "1"}, "size": null}"""))
                .containsExactly("title", "done", "count", "weight", "tags[1]", "tags[3]", "inner.enabled", "inner.for",
                        "scores.a", "size");
    }

    @Test
    void containersOfTheWrongShapeAreOneViolationEach() {
        List<JsonTypeCheck.Violation> violations = JsonTypeCheck.violations(
                JSON.readTree("{\"tags\": \"x\", \"inner\": [], \"scores\": 1}"), Body.class);

        assertThat(violations).extracting(v -> v.field().message())
                .containsExactly("must be an array", "must be an object", "must be an object");
        assertThat(violations).extracting(JsonTypeCheck.Violation::type).containsOnly(ProblemType.WRONG_TYPE);
    }

    @Test
    void unknownMembersAreNamedWithTheKnownOnes() {
        List<JsonTypeCheck.Violation> violations = JsonTypeCheck.violations(
                JSON.readTree("{\"colour\": \"red\", \"inner\": {\"duration\": \"PT1M\"}}"), Body.class);

        assertThat(violations).extracting(v -> v.field().field()).containsExactly("colour", "inner.duration");
        assertThat(violations).extracting(JsonTypeCheck.Violation::type).containsOnly(ProblemType.UNKNOWN_FIELD);
        assertThat(violations.get(1).field().message()).contains("[enabled, for]");
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneViolation() {
        assertThat(JsonTypeCheck.violations(JSON.readTree("[]"), Body.class))
                .extracting(JsonTypeCheck.Violation::field).containsExactly(new FieldViolation("body", "must be an object"));
    }

    @Test
    void oneKindOfMistakeKeepsItsProblemTypeAndSeveralKindsAreAValidationProblem() {
        assertThat(error("{\"title\": 5, \"priority\": false}").type()).isEqualTo(ProblemType.WRONG_TYPE);
        assertThat(error("{\"title\": 5}").getMessage()).isEqualTo("Field 'title' must be a string");
        assertThat(error("{\"colour\": 5}").type()).isEqualTo(ProblemType.UNKNOWN_FIELD);

        ClientErrorException mixed = error("{\"title\": 5, \"colour\": 5}");
        assertThat(mixed.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(mixed.getMessage()).isEqualTo("2 fields are invalid");
    }

    @Test
    void aSelfValidatingBodyAddsTheInvalidFieldsOfItsWellTypedRest() {
        ClientErrorException error = error("{\"title\": 5, \"priority\": \"urgent\"}");

        assertThat(error.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(error.violations()).containsExactly(new FieldViolation("title", "must be a string"),
                new FieldViolation("priority", "must be low or high"));
    }

    private static ClientErrorException error(String body) {
        JsonMapper strict = strictMapper();
        JsonNode tree = strict.readTree(body);
        try {
            strict.treeToValue(tree, Valid.class);
        } catch (tools.jackson.core.JacksonException e) {
            return JsonErrors.clientError(e, tree, Valid.class, strict);
        }
        throw new AssertionError("expected " + body + " not to bind");
    }

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new WebConfiguration().strictJson().customize(builder);
        return builder.build();
    }
}
