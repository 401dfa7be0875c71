package io.taskstream.assistant.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.assistant.parse.Intent.AddTask;
import io.taskstream.assistant.parse.Intent.CompleteTask;
import io.taskstream.assistant.parse.Intent.DeleteTask;
import io.taskstream.assistant.parse.Intent.ListTasks;
import io.taskstream.assistant.parse.Intent.SetReminder;
import io.taskstream.assistant.parse.Intent.UpdateTask;
import io.taskstream.task.Priority;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Chat messages mapped to intents; the reference is Wednesday 2026-03-04 10:00 in Europe/Berlin. */
class IntentRecognizerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZonedDateTime REF = ZonedDateTime.of(2026, 3, 4, 10, 0, 0, 0, BERLIN);
    static final LocalDate TODAY = REF.toLocalDate();
    final IntentRecognizer recognizer = new IntentRecognizer();

    Intent recognize(String message) {
        return recognizer.recognize(message, REF);
    }

    @Test
    void addPrefixCreatesATaskFromTheRest() {
        AddTask add = (AddTask) recognize("add buy milk tomorrow");
        assertThat(add.draft().title()).isEqualTo("buy milk");
        assertThat(add.draft().date()).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void remindMeToCreatesARecurringTaskWithAReminderAtDue() {
        AddTask add = (AddTask) recognize("remind me to call mom every Sunday at 6pm");
        assertThat(add.draft().title()).isEqualTo("call mom");
        assertThat(add.draft().date()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(add.draft().time()).isEqualTo(LocalTime.of(18, 0));
        assertThat(add.draft().recurrence().rule()).isEqualTo("FREQ=WEEKLY;BYDAY=SU");
        assertThat(add.draft().remindersBefore()).containsExactly(Duration.ZERO);
    }

    @Test
    void barePhraseWithADateIsAnAdd() {
        AddTask add = (AddTask) recognize("buy milk tomorrow");
        assertThat(add.draft().title()).isEqualTo("buy milk");
        assertThat(add.draft().date()).isEqualTo(TODAY.plusDays(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            add a task to water plants every 3 days | water plants
            create task: call Bob                   | call Bob
            new task: pay rent on the 1st           | pay rent
            todo: laundry                           | laundry
            I need to finish the report by friday   | finish the report
            don't forget to pay rent                | pay rent
            please add renew passport p1            | renew passport
            Finish the slides today at 6pm p1       | Finish the slides
            """)
    void addPhrasingsCreateTasks(String message, String title) {
        assertThat(recognize(message)).isInstanceOfSatisfying(AddTask.class,
                a -> assertThat(a.draft().title()).isEqualTo(title));
    }

    @Test
    void whatIsDueThisWeekListsPendingTasksUntilSunday() {
        assertThat(recognize("what's due this week?"))
                .isEqualTo(new ListTasks("pending", null, TODAY, LocalDate.of(2026, 3, 8), null, null, false));
    }

    @Test
    void showMyTasksListsPendingTasks() {
        assertThat(recognize("show my tasks"))
                .isEqualTo(new ListTasks("pending", null, null, null, null, null, false));
    }

    @Test
    void listPendingTasks() {
        assertThat(recognize("list pending tasks"))
                .isEqualTo(new ListTasks("pending", null, null, null, null, null, false));
    }

    @Test
    void whatIsOverdueAsksForOverdueTasks() {
        assertThat(recognize("what's overdue?"))
                .isEqualTo(new ListTasks("pending", null, null, null, null, null, true));
    }

    @Test
    void showHighPriorityTasksFiltersByPriority() {
        assertThat(recognize("show high priority tasks"))
                .isEqualTo(new ListTasks("pending", null, null, null, Priority.HIGH, null, false));
    }

    @Test
    void tasksTaggedWorkFiltersByTag() {
        assertThat(recognize("tasks tagged work"))
                .isEqualTo(new ListTasks("pending", null, null, null, null, "work", false));
        assertThat(recognize("show #work tasks"))
                .isEqualTo(new ListTasks("pending", null, null, null, null, "work", false));
    }

    @Test
    void findSearchesAllTasks() {
        assertThat(recognize("find groceries"))
                .isEqualTo(new ListTasks("all", "groceries", null, null, null, null, false));
        assertThat(recognize("search for dentist"))
                .isEqualTo(new ListTasks("all", "dentist", null, null, null, null, false));
    }

    @Test
    void listFiltersForStatusAndDates() {
        assertThat(recognize("show completed tasks")).isEqualTo(
                new ListTasks("completed", null, null, null, null, null, false));
        assertThat(recognize("show all tasks")).isEqualTo(new ListTasks("all", null, null, null, null, null, false));
        assertThat(recognize("what do I have today?")).isEqualTo(
                new ListTasks("pending", null, TODAY, TODAY, null, null, false));
        assertThat(recognize("anything due tomorrow?")).isEqualTo(
                new ListTasks("pending", null, TODAY.plusDays(1), TODAY.plusDays(1), null, null, false));
        assertThat(recognize("show tasks due next week")).isEqualTo(new ListTasks("pending", null,
                LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15), null, null, false));
        assertThat(recognize("list p1 tasks")).isEqualTo(
                new ListTasks("pending", null, null, null, Priority.HIGH, null, false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I finished the groceries | groceries
            mark task 5 as done      | task 5
            done with call mom       | call mom
            complete buy milk        | buy milk
            the groceries are done   | groceries
            groceries done           | groceries
            tick off buy milk        | buy milk
            check off task 2         | task 2
            I'm done with the report | report
            finish the slides        | slides
            """)
    void completionPhrasings(String message, String reference) {
        assertThat(recognize(message)).isEqualTo(new CompleteTask(reference));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            delete the groceries task        | groceries
            remove task 3                    | task 3
            cancel the dentist appointment   | dentist appointment
            get rid of task #12              | task 12
            """)
    void deletionPhrasings(String message, String reference) {
        assertThat(recognize(message)).isEqualTo(new DeleteTask(reference));
    }

    @Test
    void renameChangesTheTitle() {
        assertThat(recognize("rename task 3 to buy oat milk"))
                .isEqualTo(new UpdateTask("task 3", "buy oat milk", null, null, null, List.of(), null));
    }

    @Test
    void moveReschedulesToTheParsedDateAndTime() {
        assertThat(recognize("move the dentist to friday at 3pm")).isEqualTo(new UpdateTask("dentist", null,
                LocalDate.of(2026, 3, 6), LocalTime.of(15, 0), null, List.of(), null));
        assertThat(recognize("postpone task 8 until next week")).isEqualTo(new UpdateTask("task 8", null,
                LocalDate.of(2026, 3, 9), null, null, List.of(), null));
        assertThat(recognize("change the due date of task 3 to april 1")).isEqualTo(new UpdateTask("task 3", null,
                LocalDate.of(2026, 4, 1), null, null, List.of(), null));
    }

    @Test
    void priorityChanges() {
        UpdateTask high = new UpdateTask("task 2", null, null, null, Priority.HIGH, List.of(), null);
        assertThat(recognize("change priority of task 2 to high")).isEqualTo(high);
        assertThat(recognize("make task 2 high priority")).isEqualTo(high);
        assertThat(recognize("set task 2 priority to low"))
                .isEqualTo(new UpdateTask("task 2", null, null, null, Priority.LOW, List.of(), null));
    }

    @Test
    void taggingAddsTags() {
        assertThat(recognize("tag task 4 with work and urgent"))
                .isEqualTo(new UpdateTask("task 4", null, null, null, null, List.of("work", "urgent"), null));
        assertThat(recognize("add #home to task 7"))
                .isEqualTo(new UpdateTask("task 7", null, null, null, null, List.of("home"), null));
    }

    @Test
    void remindMeAboutSetsAReminderBeforeDue() {
        assertThat(recognize("remind me about the dentist 1 hour before"))
                .isEqualTo(new SetReminder("dentist", Duration.ofHours(1), null));
        assertThat(recognize("remind me 30 minutes before the standup"))
                .isEqualTo(new SetReminder("standup", Duration.ofMinutes(30), null));
    }

    @Test
    void reminderAtAnAbsoluteTime() {
        assertThat(recognize("set a reminder for task 4 at 7pm"))
                .isEqualTo(new SetReminder("task 4", null, ZonedDateTime.of(2026, 3, 4, 19, 0, 0, 0, BERLIN)));
        assertThat(recognize("remind me about the gym tomorrow at 7am"))
                .isEqualTo(new SetReminder("gym", null, ZonedDateTime.of(2026, 3, 5, 7, 0, 0, 0, BERLIN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "what can you do?", "Help!", "how does this work"})
    void helpRequests(String message) {
        assertThat(recognize(message)).isEqualTo(new Intent.Help());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello there", "", "   ", "#5", "🤷"})
    void unrecognisedMessagesAreUnknown(String message) {
        assertThat(recognize(message)).isInstanceOf(Intent.Unknown.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what did I complete today?               | completed | 2026-03-04 | 2026-03-04
            What did I complete today                | completed | 2026-03-04 | 2026-03-04
            what did I finish this week              | completed | 2026-03-02 | 2026-03-04
            what did I complete yesterday?           | completed | 2026-03-03 | 2026-03-03
            which tasks did I finish last week?      | completed | 2026-02-23 | 2026-03-01
            what have I done today                   | completed | 2026-03-04 | 2026-03-04
            what did I get done on monday?           | completed | 2026-03-02 | 2026-03-02
            what did I delete yesterday              | deleted   | 2026-03-03 | 2026-03-03
            what tasks did I add in the last 3 days? | created   | 2026-03-02 | 2026-03-04
            how many tasks did I complete this month | completed | 2026-03-01 | 2026-03-04
            what did I complete                      | completed | 2026-02-26 | 2026-03-04
            what happened yesterday?                 | any       | 2026-03-03 | 2026-03-03
            show my activity this week               | any       | 2026-03-02 | 2026-03-04
            """)
    void questionsAboutThePastAskTheHistory(String message, String event, String from, String to) {
        assertThat(recognize(message))
                .isEqualTo(new Intent.History(event, LocalDate.parse(from), LocalDate.parse(to), null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            show the history of call mom      | call mom
            history of task 5                 | task 5
            what happened to the report?      | report
            did I finish the quarterly report | quarterly report
            """)
    void theHistoryOfOneTaskIsAskedByItsReference(String message, String reference) {
        assertThat(recognize(message)).isEqualTo(new Intent.History("any", null, null, reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the weather", "what did I complete today?", "when is the dentist tomorrow?",
            "do I have a meeting with Bob tomorrow at 3pm?", "did I pay rent on the 1st?", "is the report done?",
            "why is task 5 overdue", "what should I cook tomorrow #home", "how do I get to the airport by friday?",
            "should I delete the report?", "did I finish the report", "have I completed call mom?",
            "where is my passport", "who is coming to dinner tomorrow at 7pm?"})
    void aQuestionNeverAddsChangesOrDeletesATask(String message) {
        assertThat(recognize(message)).isNotInstanceOfAny(AddTask.class, CompleteTask.class, DeleteTask.class,
                UpdateTask.class, SetReminder.class);
    }

    @Test
    void whenIsSearchesTheOpenTasks() {
        assertThat(recognize("when is the dentist?"))
                .isEqualTo(new ListTasks("pending", "dentist", null, null, null, null, false));
    }

    @Test
    void aQuestionThatCannotBeAnsweredIsAQuestionNotUnknownWords() {
        assertThat(recognize("what is the weather")).isInstanceOf(Intent.Question.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"do laundry tomorrow", "have lunch with Bob friday at 1pm", "Do taxes by april 15",
            "History of Rome essay friday", "my history homework tomorrow"})
    void imperativesThatStartLikeQuestionsStillAddTasks(String message) {
        assertThat(recognize(message)).isInstanceOf(AddTask.class);
    }

    @Test
    void nullMessageIsUnknownAndNeverThrows() {
        assertThat(recognizer.recognize(null, REF)).isEqualTo(new Intent.Unknown(""));
        assertThat(recognizer.recognize("x".repeat(10_000), REF)).isInstanceOf(Intent.class);
    }

    @Test
    void longMessagesAreRecognisedQuickly() {
        String filler = "move it to the shop for the team ".repeat(300);
        for (String m : new String[] {"remind me about " + filler + "1 hour before", "move " + filler + "to friday",
                "show " + filler, filler}) {
            long t0 = System.nanoTime();
            assertThat(recognizer.recognize(m, REF)).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void taskIdRecognisesNumericReferences() {
        assertThat(IntentRecognizer.taskId("task 5")).isEqualTo(OptionalLong.of(5));
        assertThat(IntentRecognizer.taskId("#5")).isEqualTo(OptionalLong.of(5));
        assertThat(IntentRecognizer.taskId("Task #42")).isEqualTo(OptionalLong.of(42));
        assertThat(IntentRecognizer.taskId("5")).isEqualTo(OptionalLong.of(5));
        assertThat(IntentRecognizer.taskId("groceries")).isEmpty();
        assertThat(IntentRecognizer.taskId("task 5 and 6")).isEmpty();
        assertThat(IntentRecognizer.taskId(null)).isEmpty();
    }

    @Test
    void referencesAreCleanedOfArticlesAndTheWordTask() {
        assertThat(IntentRecognizer.cleanReference("the groceries task")).isEqualTo("groceries");
        assertThat(IntentRecognizer.cleanReference("my task called \"buy milk\"")).isEqualTo("buy milk");
        assertThat(IntentRecognizer.cleanReference("the task 5")).isEqualTo("task 5");
        assertThat(IntentRecognizer.cleanReference("#7")).isEqualTo("task 7");
    }
}
