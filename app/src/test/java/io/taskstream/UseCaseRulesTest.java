package io.taskstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Use cases take typed commands, never what a door reads: the task use cases and their commands know nothing of
 * HTTP, JSON or OpenAPI (ADR 041), and the exceptions business code throws for a client's mistake live outside the
 * web layer ({@code platform.problem}), which only maps them to problem details.
 */
class UseCaseRulesTest {

    static final ArchRule USE_CASES_SEE_NO_DOOR = noClasses()
            .that().haveSimpleName("TaskService").or().haveSimpleName("CreateTask").or().haveSimpleName("ReplaceTask")
            .or().haveSimpleName("PatchTask").or().haveSimpleName("Due")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..",
                    "org.springframework.web..", "org.springframework.http..", "io.swagger..", "jakarta.servlet..")
            .orShould().dependOnClassesThat().haveSimpleName("TaskInput")
            .because("each door maps its input to a typed command; the use case never sees JSON or HTTP (ADR 041)");

    static final ArchRule CLIENT_MISTAKES_ARE_NOT_WEB_TYPES = noClasses()
            .that().resideInAPackage("io.taskstream..").and().resideOutsideOfPackage("io.taskstream.platform.web..")
            .should().dependOnClassesThat(DescribedPredicate.describe("exceptions of the web layer",
                    type -> type.getPackageName().startsWith("io.taskstream.platform.web")
                            && type.isAssignableTo(Throwable.class)))
            .because("business code throws the exceptions of platform.problem; the web layer only maps them to problem "
                    + "details (its own, such as a body over the limit, stay its own)");

    @Test
    void theTaskUseCasesTakeCommandsThatKnowNoDoor() {
        USE_CASES_SEE_NO_DOOR.check(DataAccessRulesTest.appClasses());
    }

    @Test
    void businessCodeThrowsNoExceptionOfTheWebLayer() {
        CLIENT_MISTAKES_ARE_NOT_WEB_TYPES.check(DataAccessRulesTest.appClasses());
    }

    @Test
    void theRuleCatchesAUseCaseThatReadsJson() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(TaskService.class);
        assertThat(USE_CASES_SEE_NO_DOOR.evaluate(fixtures).hasViolation()).isTrue();
    }

    /** A use case of the same name that takes a JSON tree: what the rule is there to refuse. */
    static class TaskService {
        void create(JsonNode body) {
            body.size();
        }
    }
}
