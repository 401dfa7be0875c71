package io.taskstream.platform.problem;

/** The resource does not exist for the caller (which includes: it belongs to somebody else). */
public class NotFoundException extends ClientErrorException {

    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}
