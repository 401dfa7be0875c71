package io.taskstream.support;

import java.util.List;
import org.springframework.boot.test.system.CapturedOutput;

/** The log lines a test captured, by level, for asserting what an operator would be shown. */
public final class LogLines {

    private LogLines() {
    }

    /** The captured lines logged at WARN or ERROR. */
    public static List<String> warningsAndErrors(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
    }

    /** The captured lines logged at ERROR. */
    public static List<String> errors(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains(" ERROR ")).toList();
    }
}
