package io.taskstream.assistant.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quick add never proposes a repetition that saving the task would refuse (a rule that matches no date). */
class QuickAddRecurrenceIsSavableTest {

    private static final ZonedDateTime REF = ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    @ParameterizedTest
    @ValueSource(strings = {"Pay rent every 31st of april", "Party every feb 30", "Party every year on february 30",
            "Report every 30th of february", "Backup every month on the day 31", "Review every 5th monday",
            "Close books every last day of february", "Leap day every feb 29", "Check every 12 months on the day 31",
            "Sync every 2nd and 4th tuesday", "Water every 3 days for 2 weeks"})
    void aProposedRuleIsOneTheTaskApiAccepts(String text) {
        TaskDraft draft = new QuickAddParser().parse(text, REF);

        if (draft.recurring()) {
            assertThatCode(() -> io.taskstream.calendar.RecurrenceRule.parse(draft.recurrence().rule()))
                    .as("%s → %s", text, draft.recurrence().rule()).doesNotThrowAnyException();
        }
        assertThat(draft.title()).isNotBlank();
    }
}
