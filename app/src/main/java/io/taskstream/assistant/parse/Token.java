package io.taskstream.assistant.parse;

/** One whitespace- or punctuation-delimited piece of the input, with its position in the original text. */
record Token(String text, String lower, int start, int end, boolean punct) {

    boolean startsWithDigit() {
        char c = text.charAt(0);
        return c >= '0' && c <= '9';
    }

    boolean tagLike() {
        return text.length() > 1 && (text.charAt(0) == '#' || text.charAt(0) == '@');
    }
}
