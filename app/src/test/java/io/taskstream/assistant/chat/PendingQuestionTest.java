package io.taskstream.assistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskstream.assistant.chat.PendingQuestion.Candidate;
import io.taskstream.assistant.chat.PendingQuestion.Cancelled;
import io.taskstream.assistant.chat.PendingQuestion.Chosen;
import io.taskstream.assistant.chat.PendingQuestion.NoAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class PendingQuestionTest {

    private final PendingQuestion question = new PendingQuestion("complete_task",
            JsonNodeFactory.instance.objectNode().put("completed", true),
            List.of(new Candidate(41, "Buy groceries for the party"), new Candidate(2, "Buy groceries for the week"),
                    new Candidate(57, "Groceries list")));

    @Test
    void ordinalsPickByPosition() {
        assertThat(question.answer("the first one")).isEqualTo(new Chosen(41));
        assertThat(question.answer("Second")).isEqualTo(new Chosen(2));
        assertThat(question.answer("the last one.")).isEqualTo(new Chosen(57));
        assertThat(question.answer("fifth")).isInstanceOf(NoAnswer.class);
    }

    @Test
    void idsPickByIdAndABareNumberPrefersACandidatesId() {
        assertThat(question.answer("task 57")).isEqualTo(new Chosen(57));
        assertThat(question.answer("#41")).isEqualTo(new Chosen(41));
        assertThat(question.answer("2")).isEqualTo(new Chosen(2));
        assertThat(question.answer("3")).isEqualTo(new Chosen(57));
    }

    @Test
    void aPhraseMatchingOneTitlePicksIt() {
        assertThat(question.answer("the week")).isEqualTo(new Chosen(2));
        assertThat(question.answer("groceries")).isInstanceOf(NoAnswer.class);
    }

    @Test
    void cancellationAndNewRequestsAreRecognised() {
        assertThat(question.answer("never mind")).isInstanceOf(Cancelled.class);
        assertThat(question.answer("none of them")).isInstanceOf(Cancelled.class);
        assertThat(question.answer("add buy milk tomorrow")).isInstanceOf(NoAnswer.class);
    }

    @Test
    void survivesTheRoundTripThroughTheConversationRow() {
        PendingQuestion read = PendingQuestion.read(question.toJson());

        assertThat(read).isEqualTo(question);
        assertThat(read.argumentsFor(2).toString()).isEqualTo("{\"completed\":true,\"task_id\":2}");
    }
}
