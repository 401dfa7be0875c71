package io.taskstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data access has one rule: only a module's {@code *Repository} classes talk to the database. Everything else
 * (controllers, channels, workers, export sections, event handlers) calls its module's repository.
 *
 * <p>The few exceptions are listed below, each with its reason; add one only with a reason of the same kind.
 */
class DataAccessRulesTest {

    /** Classes (by fully qualified name, nested classes included) allowed to use the database directly, and why. */
    static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("io.taskstream.platform.db.",
                    "the platform's own database infrastructure: it builds the DataSource the repositories use"),
            Map.entry("io.taskstream.events.RelayDatabase",
                    "the relay's own connection pool and transaction manager, kept apart from the request pool"),
            Map.entry("io.taskstream.events.OutboxNotifications",
                    "holds a dedicated connection open to LISTEN for outbox notifications; not a query, a channel"),
            Map.entry("io.taskstream.events.OutboxRelay",
                    "the relay loop: advisory lock, read, number and mark published in one transaction on the relay's "
                            + "own pool (RelayDatabase)"),
            Map.entry("io.taskstream.events.EventsConfiguration",
                    "wires the relay's own pool (RelayDatabase) from the DataSource"),
            Map.entry("io.taskstream.reminder.SchedulerConfiguration",
                    "db-scheduler needs the DataSource to build its scheduler and client (ADR 038)"),
            Map.entry("io.taskstream.account.ClientAllowanceConfiguration",
                    "Bucket4j's PostgreSQL proxy manager needs the DataSource to keep its buckets"));

    static final DescribedPredicate<JavaClass> DATA_ACCESS = DescribedPredicate.describe(
            "named *Repository, or listed in DataAccessRulesTest.EXCEPTIONS",
            type -> type.getName().endsWith("Repository") || isException(type.getName())
                    || type.getEnclosingClass().map(outer -> outer.getName().endsWith("Repository")
                            || isException(outer.getName())).orElse(false));

    static boolean isException(String name) {
        return EXCEPTIONS.keySet().stream().anyMatch(key -> key.endsWith(".") ? name.startsWith(key) : name.equals(key));
    }

    static final ArchRule ONLY_REPOSITORIES_TOUCH_THE_DATABASE = noClasses()
            .that(DescribedPredicate.not(DATA_ACCESS))
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcOperations")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
            .because("SQL lives only in a module's *Repository classes (CONTRIBUTING.md, \"Data access\")");

    static final ArchRule REPOSITORIES_ARE_MODULE_INTERNALS = noClasses()
            .that().haveSimpleNameEndingWith("Repository").and().areNotInterfaces()
            .should().bePublic()
            .because("a repository is its module's internal; other modules go through the module's public API");

    /** The application's classes, imported once for every architecture rule of the test run. */
    static JavaClasses appClasses() {
        return AppClasses.ALL;
    }

    private static final class AppClasses {
        static final JavaClasses ALL = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.taskstream");
    }

    @Test
    void onlyRepositoriesTouchTheDatabase() {
        ONLY_REPOSITORIES_TOUCH_THE_DATABASE.check(appClasses());
    }

    @Test
    void repositoriesArePackagePrivate() {
        REPOSITORIES_ARE_MODULE_INTERNALS.check(appClasses());
    }

    @Test
    void theRuleCatchesSqlOutsideARepository() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(SomeWorker.class, SomeRepository.class);
        assertThat(ONLY_REPOSITORIES_TOUCH_THE_DATABASE.evaluate(fixtures).getFailureReport().getDetails())
                .isNotEmpty()
                .allMatch(line -> line.contains(SomeWorker.class.getName()));
    }

    /** A worker with its own SQL: what the rule is there to refuse. */
    static class SomeWorker {
        final JdbcClient jdbc;

        SomeWorker(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }
    }

    static class SomeRepository {
        final JdbcClient jdbc;

        SomeRepository(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }
    }
}
