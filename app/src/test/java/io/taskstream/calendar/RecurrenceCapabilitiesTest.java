package io.taskstream.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web app's rule editor offers exactly what the server accepts: its frequency and part lists in
 * {@code web/src/lib/rrule.ts} are the calendar's, in the same order.
 */
class RecurrenceCapabilitiesTest {

    private static final Path RRULE_TS = Path.of("..", "web", "src", "lib", "rrule.ts");

    @Test
    void theWebAppListsTheFrequenciesTheCalendarAccepts() throws IOException {
        assertThat(list("FREQUENCIES")).isEqualTo(RecurrenceRule.FREQUENCIES);
    }

    @Test
    void theWebAppListsThePartsTheCalendarAccepts() throws IOException {
        assertThat(list("RULE_PARTS")).isEqualTo(RecurrenceRule.PARTS);
    }

    @Test
    void everyListedFrequencyIsAccepted() {
        for (String freq : RecurrenceRule.FREQUENCIES) {
            assertThat(RecurrenceRule.parse("FREQ=" + freq).frequency().name()).isEqualTo(freq);
        }
    }

    private static List<String> list(String name) throws IOException {
        String source = Files.readString(RRULE_TS);
        Matcher m = Pattern.compile("export const " + name + "\\s*=\\s*\\[([^\\]]*)\\]").matcher(source);
        assertThat(m.find()).as("%s declares export const %s = [...]", RRULE_TS, name).isTrue();
        List<String> values = new ArrayList<>();
        Matcher item = Pattern.compile("'([^']*)'").matcher(m.group(1));
        while (item.find()) {
            values.add(item.group(1));
        }
        return values;
    }
}
