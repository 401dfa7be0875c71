package io.taskstream.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The user's search text becomes a PostgreSQL tsquery of prefix terms, with nothing of tsquery's syntax let through. */
class TaskRepositoryTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            milk                      => milk:*
            groc mil                  => groc:* & mil:*
            Buy  MILK                 => buy:* & milk:*
            '  padded  '              => padded:*
            'don''t'                  => don:* & t:*
            e-mail                    => e:* & mail:*
            a & !b | (c:*) <-> d      => a:* & b:* & c:* & d:*
            'x'':*A'                  => x:* & a:*
            Müller über straße        => müller:* & über:* & straße:*
            café 42                   => café:* & 42:*
            日本                       => 日本:*
            """)
    void eachWordBecomesARequiredPrefixTerm(String text, String query) {
        assertThat(TaskRepository.prefixQuery(TaskRepository.words(text))).isEqualTo(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "& | ! ( ) : * < - >", "'\"\\"})
    void textWithoutWordsIsNoQuery(String text) {
        assertThat(TaskRepository.words(text)).isEmpty();
    }

    @Test
    void atMostSixteenTermsAreUsed() {
        String text = IntStream.range(0, 30).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        String query = TaskRepository.prefixQuery(TaskRepository.words(text));

        assertThat(query.split(" & ")).hasSize(16).startsWith("w0:*").endsWith("w15:*");
    }
}
