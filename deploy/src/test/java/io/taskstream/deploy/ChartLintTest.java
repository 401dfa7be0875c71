package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartLintTest {

    static List<Variant> variants() {
        return Variant.supported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void chartPassesStrictHelmLint(Variant variant) {
        LintResult result = Chart.lint(variant);

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
