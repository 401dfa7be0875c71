package io.taskstream.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.assistant.parse.Intent;
import io.taskstream.assistant.parse.IntentRecognizer;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline engine hands the tools exactly the shapes tasks accept for repetition and reminders. */
class IntentArgumentsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, BERLIN);
    private final IntentRecognizer recognizer = new IntentRecognizer();

    private Intent recognize(String message) {
        return recognizer.recognize(message, NOW);
    }

    @Test
    void aRepeatingTaskWithAReminderBecomesRecurrenceAndRemindersArguments() {
        Intent.AddTask add = (Intent.AddTask) recognize("add pay rent every month on the 1st remind me 1 day before #finance");

        String args = IntentArguments.add(add.draft(), BERLIN).toString();

        assertThat(args).isEqualTo("{\"title\":\"pay rent\",\"due\":\"2026-04-01\",\"tags\":[\"finance\"],"
                + "\"recurrence\":{\"rule\":\"FREQ=MONTHLY;BYMONTHDAY=1\",\"from\":\"due\"},"
                + "\"reminders\":[{\"before\":\"P1D\"}]}");
    }

    @Test
    void repetitionFromCompletionIsKept() {
        Intent.AddTask add = (Intent.AddTask) recognize("Water plants every! 3 days at 8am");

        assertThat(IntentArguments.add(add.draft(), BERLIN).get("recurrence").toString())
                .isEqualTo("{\"rule\":\"FREQ=DAILY;INTERVAL=3\",\"from\":\"completion\"}");
        assertThat(IntentArguments.add(add.draft(), BERLIN).get("due").asString()).isEqualTo("2026-03-05T08:00");
    }

    @Test
    void anAbsoluteReminderIsAnRfc3339MomentInTheUsersZone() {
        Intent.AddTask add = (Intent.AddTask) recognize("add submit report friday at 5pm remind me at 9am friday");

        assertThat(IntentArguments.add(add.draft(), BERLIN).get("reminders").toString())
                .isEqualTo("[{\"at\":\"2026-03-06T09:00:00+01:00\"}]");
    }

    @Test
    void settingAReminderOnAnExistingTaskUpdatesItsReminders() {
        Intent.SetReminder reminder = (Intent.SetReminder) recognize("remind me about the report 2 hours before");

        String args = IntentArguments.reminder(reminder, BERLIN).toString();

        assertThat(args).isEqualTo("{\"reference\":\"report\",\"reminders\":[{\"before\":\"PT2H\"}]}");
    }

    @Test
    void aNumericReferenceBecomesATaskId() {
        assertThat(IntentArguments.target("task 12").toString()).isEqualTo("{\"task_id\":12}");
        assertThat(IntentArguments.target("#7").toString()).isEqualTo("{\"task_id\":7}");
        assertThat(IntentArguments.target("groceries").toString()).isEqualTo("{\"reference\":\"groceries\"}");
    }

    @Test
    void reschedulingToATimeOnlyKeepsTheDate() {
        Intent.UpdateTask update = new Intent.UpdateTask("dentist", null, null, java.time.LocalTime.of(15, 0), null,
                List.of(), null);

        assertThat(IntentArguments.update(update).toString()).isEqualTo("{\"reference\":\"dentist\",\"due_time\":\"15:00\"}");
    }
}
