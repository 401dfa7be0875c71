package io.taskstream.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.platform.db.StatementSnapshot.Statement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * During a rollout the previous release's workers run against the schema this release's migrations made (ADR 054).
 * This migrates a fresh PostgreSQL to the current migrations and has it prepare (parse, resolve every table, column,
 * function and type, plan) each statement the previous release ran, with the parameter types its driver sent: a
 * dropped, renamed or retyped table or column the previous release still uses fails here, naming the statement.
 */
class PreviousReleaseStatementsIT {

    private static EmbeddedPostgres postgres;
    private static Connection connection;

    @BeforeAll
    static void migrate() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
        connection = postgres.getPostgresDatabase().getConnection();
    }

    @AfterAll
    static void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyStatementOfThePreviousReleasePreparesAgainstTheCurrentMigrations() throws Exception {
        StatementSnapshot previous = StatementSnapshot.read(StatementSnapshot.FILE);
        assertThat(previous.statements()).as("the previous release's statements").hasSizeGreaterThan(20);

        List<String> failures = new ArrayList<>();
        for (Statement statement : previous.statements()) {
            prepare(statement).ifPresent(failures::add);
        }

        assertThat(failures).as("statements of the previous release that the current schema no longer accepts; "
                + "keep what they use until the release after next (expand now, contract later: ADR 054)").isEmpty();
    }

    @Test
    void aStatementOnADroppedColumnOrUnknownTableIsReportedWithItsError() throws Exception {
        assertThat(prepare(new Statement("select no_such_column from task where id = $1", List.of(20))))
                .hasValueSatisfying(failure -> assertThat(failure).contains("42703", "no_such_column"));
        assertThat(prepare(new Statement("insert into no_such_table (id) values ($1)", List.of(20))))
                .hasValueSatisfying(failure -> assertThat(failure).contains("42P01", "no_such_table"));
        assertThat(prepare(new Statement("select id from task where user_id = $1 and title = $2", List.of(2950, 0))))
                .isEmpty();
    }

    /** The error PostgreSQL gives preparing the statement, or nothing if it prepares. */
    private static java.util.Optional<String> prepare(Statement statement) throws SQLException {
        String types = statement.parameterTypes().isEmpty() ? ""
                : statement.parameterTypes().stream().map(PreviousReleaseStatementsIT::typeName)
                        .collect(Collectors.joining(", ", " (", ")"));
        try (java.sql.Statement sql = connection.createStatement()) {
            sql.execute("prepare previous_release" + types + " as " + statement.sql());
            sql.execute("deallocate previous_release");
            return java.util.Optional.empty();
        } catch (SQLException e) {
            return java.util.Optional.of(e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("")
                    + "\n    in: " + statement.sql().replaceAll("\\s+", " "));
        }
    }

    /** The type the driver sent: built-in type ids are the same in every database; others are left to the server. */
    private static String typeName(int oid) {
        if (oid == 0 || oid >= 16384) {
            return "unknown";
        }
        try (java.sql.Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("select format_type(" + oid + ", null)")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
