package io.taskstream.platform.problem;

import java.util.List;

/**
 * A request the client got wrong or may not make; rendered as an RFC 9457 problem of the given type.
 * Business modules throw it (or a subclass) instead of knowing about HTTP.
 */
public class ClientErrorException extends RuntimeException {

    private final ProblemType type;
    private final transient List<FieldViolation> violations;

    public ClientErrorException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ClientErrorException(ProblemType type, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ClientErrorException invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().message()
                : violations.size() + " fields are invalid";
        return new ClientErrorException(ProblemType.VALIDATION, detail, violations);
    }

    public static ClientErrorException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
