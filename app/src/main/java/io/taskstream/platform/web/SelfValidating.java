package io.taskstream.platform.web;

import io.taskstream.platform.problem.FieldViolation;
import java.util.List;

/**
 * A request body that can list its own invalid fields. When some members of such a body have the wrong JSON
 * type, the rest is still bound and checked, so one problem names every bad field.
 */
public interface SelfValidating {

    /** The invalid fields of this body, empty when it is valid. */
    List<FieldViolation> violations();
}
