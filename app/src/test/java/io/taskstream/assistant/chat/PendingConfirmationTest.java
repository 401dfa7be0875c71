package io.taskstream.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.assistant.chat.PendingConfirmation.Confirmed;
import io.taskstream.assistant.chat.PendingConfirmation.Declined;
import io.taskstream.assistant.chat.PendingConfirmation.NoAnswer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PendingConfirmationTest {

    private final PendingConfirmation once = new PendingConfirmation(7, false);
    private final PendingConfirmation recurring = new PendingConfirmation(7, true);

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes!", "y", "ok", "sure", "go ahead", "delete it", "yes please"})
    void aYesDeletesATaskThatDoesNotRecur(String answer) {
        assertThat(once.answer(answer)).isEqualTo(new Confirmed(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "No.", "nope", "cancel", "keep it", "never mind", "don't"})
    void aNoDeclines(String answer) {
        assertThat(once.answer(answer)).isInstanceOf(Declined.class);
        assertThat(recurring.answer(answer)).isInstanceOf(Declined.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            this one                | occurrence
            just this one           | occurrence
            only this one           | occurrence
            skip it                 | occurrence
            yes                     | occurrence
            this and following      | following
            this and the following  | following
            this one and all future | following
            all future ones         | following
            from now on             | following
            all                     | series
            the whole series        | series
            All of them.            | series
            entire series           | series
            """)
    void aRecurringTasksAnswerChoosesHowMuchOfTheSeriesGoes(String answer, String scope) {
        assertThat(recurring.answer(answer)).isEqualTo(new Confirmed(scope));
    }

    @Test
    void anythingElseIsANewRequestAndDeletesNothing() {
        assertThat(once.answer("add buy milk tomorrow")).isInstanceOf(NoAnswer.class);
        assertThat(once.answer("all")).as("no series to choose from").isInstanceOf(NoAnswer.class);
        assertThat(recurring.answer("show my tasks")).isInstanceOf(NoAnswer.class);
    }

    @Test
    void itSurvivesTheTripThroughTheConversationsJson() {
        assertThat(PendingConfirmation.isStored(recurring.toJson())).isTrue();
        assertThat(PendingConfirmation.read(recurring.toJson())).isEqualTo(recurring);
    }
}
