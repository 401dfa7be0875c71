package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's baseline ({@code bench/core-api/baseline/BaselineServer.java}) measures the app's overhead by
 * running the SAME list and search SQL as {@link TaskRepository} without the app around it. This compiles the baseline and
 * compares its statements with the repository's: the same text, once the repository's named parameters are
 * written as the baseline's {@code ?} and whitespace runs are one space. Only the columns read back differ: the
 * baseline reads fewer, its own {@code T_COLUMNS}.
 */
class BaselineSqlTest {

    static final Path BASELINE = Path.of("..", "bench", "core-api", "baseline", "BaselineServer.java");

    @TempDir
    static Path classes;

    static Class<?> baseline;

    @BeforeAll
    static void compileTheBaseline() throws Exception {
        assertThat(BASELINE).as("the benchmark's baseline server").exists();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(BASELINE.toFile())).call();
        assertThat(compiled).as("%s compiles: %s", BASELINE, errors).isTrue();
        baseline = new URLClassLoader(new URL[] {classes.toUri().toURL()}, BaselineSqlTest.class.getClassLoader())
                .loadClass("BaselineServer");
    }

    @Test
    void theSearchPlanSettingIsTheApps() throws Exception {
        assertSame("SEARCH_THROUGH_INDEX", TaskRepository.SEARCH_THROUGH_INDEX, constant("SEARCH_THROUGH_INDEX"));
    }

    @Test
    void theSearchStatementsAreTheApps() throws Exception {
        assertSame("SEARCH_STEMS", TaskRepository.SEARCH_STEMS, constant("SEARCH_STEMS"));
        assertSame("SEARCH_MATCHES", TaskRepository.SEARCH_MATCHES, constant("SEARCH_MATCHES"));
        assertSame("SEARCH_ALL_WORDS", TaskRepository.SEARCH_ALL_WORDS, constant("SEARCH_ALL_WORDS"));
        String columns = constant("T_COLUMNS");
        for (boolean allWords : new boolean[] {false, true}) {
            String matches = TaskRepository.SEARCH_MATCHES + (allWords ? TaskRepository.SEARCH_ALL_WORDS : "");
            assertSame("searchPage(" + allWords + ")", TaskRepository.searchPage(columns, matches),
                    call("searchPage", allWords));
            assertSame("searchCount(" + allWords + ")", TaskRepository.searchCount(matches), call("searchCount", allWords));
        }
    }

    @Test
    void theListStatementsAreTheApps() throws Exception {
        assertSame("LIST_COUNT", TaskRepository.listCount(" from task t", TaskRepository.USER_ONLY), constant("LIST_COUNT"));
        assertSame("LIST_PAGE", TaskRepository.listPage(constant("T_COLUMNS"), " from task t", TaskRepository.USER_ONLY,
                TaskRepository.orderBy(TaskQuery.Sort.DUE, false)), constant("LIST_PAGE"));
    }

    @Test
    void theBaselineCountsAsFarAsTheAppsExactTotal() throws Exception {
        Field field = baseline.getDeclaredField("EXACT_TOTAL_UP_TO");
        field.setAccessible(true);
        assertThat(field.getInt(null)).isEqualTo(TaskPage.EXACT_TOTAL_UP_TO);
    }

    @Test
    void aDriftFailsWithWhereToLook() {
        assertThat(positional("select 1 from task t where t.user_id = :user and t.tags @> :tags::text[]"))
                .isEqualTo("select 1 from task t where t.user_id = ? and t.tags @> ?::text[]");
        assertThatThrownBy(() -> assertSame("SEARCH_MATCHES", "select 1 from task where user_id = :user",
                "select 1 from task\n  where user_id = ? and completed"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("SEARCH_MATCHES")
                .hasMessageContaining("has drifted from TaskRepository's");
        assertSame("SEARCH_MATCHES", "select 1 from task where user_id = :user", "select 1 from task\n  where user_id = ?");
    }

    private static void assertSame(String name, String app, String copy) {
        assertThat(normalized(copy))
                .as("%s in %s has drifted from TaskRepository's: copy the app's SQL there (named parameters as ?)",
                        name, BASELINE)
                .isEqualTo(positional(app));
    }

    /** The app's statement with its named parameters ({@code :user}, not a {@code ::cast}) as {@code ?}. */
    static String positional(String sql) {
        return normalized(sql.replaceAll("(?<![:\\w]):(?!:)[A-Za-z]\\w*", "?"));
    }

    static String normalized(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    private static String constant(String name) throws ReflectiveOperationException {
        Field field = baseline.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(null);
    }

    private static String call(String name, boolean allWords) throws ReflectiveOperationException {
        Method method = baseline.getDeclaredMethod(name, boolean.class);
        method.setAccessible(true);
        return (String) method.invoke(null, allWords);
    }
}
