package io.taskstream.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TaskstreamEnvironmentPostProcessorTest {

    private final TaskstreamEnvironmentPostProcessor processor = new TaskstreamEnvironmentPostProcessor();

    private MockEnvironment process(MockEnvironment env) {
        processor.postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    private static MockEnvironment env() {
        return new MockEnvironment();
    }

    @Test
    void platformDatabaseUrlBecomesJdbcSettings() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://user:pass@host:5432/db?sslmode=require"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("user");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("pass");
        assertThat(env.getProperty("taskstream.database.embedded")).isEqualTo("false");
    }

    @Test
    void theDefaultPortIsFiveFourThreeTwo() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgres://app:secret@db.internal/tasks"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5432/tasks");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("secret");
    }

    @Test
    void aMissingDatabaseNameMeansPostgres() {
        assertThat(process(env().withProperty("DATABASE_URL", "postgresql://host:6543")).getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://host:6543/postgres");
    }

    @Test
    void withoutCredentialsNoUsernameOrPasswordIsSet() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://host/db"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://host:5432/db");
        assertThat(env.containsProperty("spring.datasource.username")).isFalse();
        assertThat(env.containsProperty("spring.datasource.password")).isFalse();
    }

    @Test
    void aUserWithoutPasswordSetsOnlyTheUsername() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://reader@host/db"));

        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("reader");
        assertThat(env.containsProperty("spring.datasource.password")).isFalse();
    }

    @Test
    void percentEncodedCredentialsAreDecoded() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://us%40er:p%40ss%3Aw%2Ford@host/db"));

        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("us@er");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("p@ss:w/ord");
    }

    @Test
    void neonStyleChannelBindingIsTranslatedForTheJdbcDriver() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL",
                "postgresql://u:p@ep-x.neon.tech/neondb?sslmode=require&channel_binding=require"));

        assertThat(env.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://ep-x.neon.tech:5432/neondb?sslmode=require&channelBinding=require");
    }

    @Test
    void aHostNameWithAnUnderscoreIsKept() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://u:p@my_db:5433/app"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://my_db:5433/app");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("u");
    }

    @Test
    void anIpv6HostKeepsItsBrackets() {
        assertThat(process(env().withProperty("DATABASE_URL", "postgresql://u:p@[::1]:5433/db")).getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://[::1]:5433/db");
        assertThat(process(env().withProperty("DATABASE_URL", "postgresql://[::1]/db")).getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void aPlusInThePasswordIsAPlus() {
        assertThat(process(env().withProperty("DATABASE_URL", "postgresql://u:a+b@host/db"))
                .getProperty("spring.datasource.password")).isEqualTo("a+b");
    }

    @Test
    void aJdbcUrlIsPassedThrough() {
        String jdbc = "jdbc:postgresql://host:5432/db?user=u&password=p";

        MockEnvironment env = process(env().withProperty("DATABASE_URL", jdbc));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo(jdbc);
        assertThat(env.containsProperty("spring.datasource.username")).isFalse();
        assertThat(env.getProperty("taskstream.database.embedded")).isEqualTo("false");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(process(env().withProperty("DATABASE_URL", "  postgresql://host/db \n")).getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void anExplicitDatasourceUrlWins() {
        MockEnvironment env = process(env()
                .withProperty("spring.datasource.url", "jdbc:postgresql://explicit/db")
                .withProperty("DATABASE_URL", "postgresql://user:pass@other:5432/db"));

        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://explicit/db");
        assertThat(env.containsProperty("spring.datasource.username")).isFalse();
        assertThat(env.getProperty("taskstream.database.embedded")).isEqualTo("false");
    }

    @Test
    void withoutAnyDatabaseUrlTheDatabaseIsEmbedded() {
        assertThat(process(env()).getProperty("taskstream.database.embedded")).isEqualTo("true");
        assertThat(process(env().withProperty("DATABASE_URL", " ")).getProperty("taskstream.database.embedded"))
                .isEqualTo("true");
    }

    @Test
    void anExplicitEmbeddedSettingWins() {
        assertThat(process(env().withProperty("taskstream.database.embedded", "false"))
                .getProperty("taskstream.database.embedded")).isEqualTo("false");
    }

    @Test
    void anUnsupportedSchemeIsRefused() {
        assertThatThrownBy(() -> process(env().withProperty("DATABASE_URL", "mysql://u:p@host/db")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DATABASE_URL");
    }

    @Test
    void betterAuthSecretIsAnAliasOfTheJwtSecret() {
        assertThat(process(env().withProperty("BETTER_AUTH_SECRET", "from-better-auth"))
                .getProperty("taskstream.auth.jwt-secret")).isEqualTo("from-better-auth");
    }

    @Test
    void taskstreamJwtSecretWinsOverBetterAuthSecret() {
        assertThat(process(env().withProperty("BETTER_AUTH_SECRET", "from-better-auth")
                .withProperty("TASKSTREAM_JWT_SECRET", "from-taskstream"))
                .getProperty("taskstream.auth.jwt-secret")).isEqualTo("from-taskstream");
    }

    @Test
    void anExplicitJwtSecretPropertyWinsOverAliases() {
        assertThat(process(env().withProperty("taskstream.auth.jwt-secret", "explicit")
                .withProperty("BETTER_AUTH_SECRET", "from-better-auth"))
                .getProperty("taskstream.auth.jwt-secret")).isEqualTo("explicit");
    }

    @Test
    void otherAliasesAreMapped() {
        MockEnvironment env = process(env().withProperty("TASKSTREAM_OIDC_ISSUER_URI", "https://issuer.example")
                .withProperty("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"));

        assertThat(env.getProperty("taskstream.auth.oidc-issuer-uri")).isEqualTo("https://issuer.example");
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
    }

    @Test
    void aliasesHaveTheLowestPrecedence() {
        MockEnvironment env = process(env().withProperty("DATABASE_URL", "postgresql://host/db"));

        assertThat(env.getPropertySources().stream().toList().getLast().getName())
                .isEqualTo(TaskstreamEnvironmentPostProcessor.SOURCE_NAME);
    }

    @Test
    void openAiApiKeyIsAnAliasOfTheModelKey() {
        assertThat(process(env().withProperty("OPENAI_API_KEY", "sk-1")).getProperty("taskstream.ai.api-key")).isEqualTo("sk-1");
        assertThat(process(env().withProperty("OPENAI_API_KEY", "sk-1").withProperty("taskstream.ai.api-key", "sk-2"))
                .getProperty("taskstream.ai.api-key")).isEqualTo("sk-2");
    }

    @Test
    void daprsOwnVariablesBecomeTheSidecarSettings() {
        MockEnvironment env = process(env().withProperty("DAPR_HTTP_PORT", "3600")
                .withProperty("APP_API_TOKEN", "from-the-sidecar").withProperty("DAPR_API_TOKEN", "to-the-sidecar"));

        assertThat(env.getProperty("taskstream.dapr.http-port")).isEqualTo("3600");
        assertThat(env.getProperty("taskstream.dapr.app-api-token")).isEqualTo("from-the-sidecar");
        assertThat(env.getProperty("taskstream.dapr.api-token")).isEqualTo("to-the-sidecar");
    }

    @Test
    void theFormerSidecarPropertyNamesStillWorkAndWinOverDaprsVariables() {
        MockEnvironment env = process(env().withProperty("DAPR_HTTP_PORT", "3600").withProperty("DAPR_API_TOKEN", "variable")
                .withProperty("taskstream.events.dapr.http-port", "3700")
                .withProperty("taskstream.events.dapr.app-api-token", "app")
                .withProperty("taskstream.reminders.dapr.api-token", "property")
                .withProperty("taskstream.events.dapr.timeout", "PT9S"));

        assertThat(env.getProperty("taskstream.dapr.http-port")).isEqualTo("3700");
        assertThat(env.getProperty("taskstream.dapr.app-api-token")).isEqualTo("app");
        assertThat(env.getProperty("taskstream.dapr.api-token")).isEqualTo("property");
        assertThat(env.getProperty("taskstream.dapr.timeout")).isEqualTo("PT9S");
    }

    @Test
    void theNewSidecarPropertiesWinOverEverything() {
        MockEnvironment env = process(env().withProperty("DAPR_HTTP_PORT", "3600")
                .withProperty("taskstream.events.dapr.http-port", "3700").withProperty("taskstream.dapr.http-port", "3800"));

        assertThat(env.getProperty("taskstream.dapr.http-port")).isEqualTo("3800");
    }

    @Test
    void theSidecarSettingsCanBeReadBeforeTheAliasesAreInPlace() {
        DaprProperties sidecar = TaskstreamEnvironmentPostProcessor.sidecar(env().withProperty("DAPR_HTTP_PORT", "3600")
                .withProperty("DAPR_API_TOKEN", "to-the-sidecar"));

        assertThat(sidecar.httpPort()).isEqualTo(3600);
        assertThat(sidecar.apiToken()).isEqualTo("to-the-sidecar");
        assertThat(TaskstreamEnvironmentPostProcessor.sidecar(env()).httpPort()).isEqualTo(3500);
    }
}
