package io.taskstream.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migrations added since the previous release only expand the schema, unless they say they contract what the
 * previous release no longer uses (ADR 054): the previous release's workers run on the new schema during a rollout.
 */
class MigrationRulesTest {

    @Test
    void theMigrationsSinceThePreviousReleaseOnlyExpandOrSayWhatTheyContract() throws IOException {
        int previous = StatementSnapshot.read(StatementSnapshot.FILE).lastMigration();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(StatementCapture.migrationsDir())) {
            for (Path file : files.filter(f -> MigrationRules.version(f) > previous).sorted().toList()) {
                String sql = Files.readString(file);
                if (!MigrationRules.isContract(sql)) {
                    MigrationRules.breakingChanges(sql).forEach(p -> problems.add(file.getFileName() + " " + p));
                }
            }
        }
        assertThat(problems).as("migrations after V%d (the previous release's last) that would break it; expand now "
                + "and contract one release later with a '-- contract: …' line (ADR 054)", previous).isEmpty();
    }

    @Test
    void droppingRenamingOrRetypingIsBreaking() {
        assertThat(MigrationRules.breakingChanges("alter table task drop column priority;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("ALTER TABLE task DROP COLUMN IF EXISTS priority;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("drop table reminder;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("alter table task rename column title to name;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("alter table task rename to todo;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("alter table task alter column priority type int using 1;")).hasSize(1);
        assertThat(MigrationRules.breakingChanges("alter table task alter column title set data type varchar(10);"))
                .hasSize(1);
        assertThat(MigrationRules.breakingChanges("alter table task alter column due_at set not null;")).hasSize(1);
    }

    @Test
    void aNewNotNullColumnWithoutDefaultIsBreakingButWithADefaultItIsNot() {
        assertThat(MigrationRules.breakingChanges("alter table task add column owner text not null;"))
                .singleElement().asString().contains("without a default");
        assertThat(MigrationRules.breakingChanges("alter table task add column owner text not null default '';"))
                .isEmpty();
        assertThat(MigrationRules.breakingChanges("alter table task add column archived boolean default false not null,"
                + " add column note text;")).isEmpty();
    }

    @Test
    void addingTablesColumnsAndIndexesOrRenamingAConstraintOnlyExpands() {
        assertThat(MigrationRules.breakingChanges("""
                create table label (id bigint primary key, name text not null);
                alter table task add column label_id bigint references label (id);
                create index task_label on task (label_id);
                alter table task drop constraint task_title_check;
                alter table task rename constraint a to b;
                -- drop table task; (a comment)
                /* alter table task drop column title; */
                """)).isEmpty();
    }

    @Test
    void aContractMigrationSaysSoOnALineOfItsOwn() {
        assertThat(MigrationRules.isContract("-- contract: task.legacy_rank, unused since 1.4.0\n"
                + "alter table task drop column legacy_rank;")).isTrue();
        assertThat(MigrationRules.isContract("alter table task drop column legacy_rank; -- no marker")).isFalse();
        assertThat(MigrationRules.isContract("-- contract:\nalter table task drop column legacy_rank;")).isFalse();
    }

    @Test
    void theVersionComesFromTheFileName() {
        assertThat(MigrationRules.version(Path.of("V38__notification_unread_by_task.sql"))).isEqualTo(38);
    }
}
