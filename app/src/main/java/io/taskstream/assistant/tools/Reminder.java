package io.taskstream.assistant.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.taskstream.assistant.parse.TaskDraft;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One reminder as tasks take it: either {@code {"before": "PT15M"}} (ISO-8601 duration before the due
 * moment) or {@code {"at": "2026-03-05T09:00:00+01:00"}} (an absolute moment); never both.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reminder(String before, OffsetDateTime at) {

    public static Reminder before(String isoDuration) {
        return new Reminder(isoDuration, null);
    }

    public static Reminder at(OffsetDateTime at) {
        return new Reminder(null, at);
    }

    /** The draft's reminders, relative ones first, absolute ones rendered in the given zone. */
    public static List<Reminder> of(TaskDraft draft, ZoneId zone) {
        List<Reminder> reminders = new ArrayList<>();
        draft.remindersBeforeIso().forEach(before -> reminders.add(before(before)));
        draft.remindersAt().forEach(at -> reminders.add(at(at.withZoneSameInstant(zone).toOffsetDateTime())));
        return List.copyOf(reminders);
    }

    /** The tool-argument form: {@code [{"before": "PT15M"}, {"at": "2026-03-05T09:00:00+01:00"}]}. */
    public static ArrayNode toJson(List<Reminder> reminders) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Reminder reminder : reminders) {
            if (reminder.before() != null) {
                array.addObject().put("before", reminder.before());
            } else {
                array.addObject().put("at", reminder.at().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
        }
        return array;
    }
}
