package io.taskstream.assistant.tools;

import java.util.List;

/** The caller (a model, an MCP client) sent arguments a tool cannot use; becomes an error result. */
final class ToolArgumentException extends RuntimeException {

    private final transient List<String> problems;

    ToolArgumentException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
