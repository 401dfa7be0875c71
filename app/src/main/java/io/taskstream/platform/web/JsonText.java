package io.taskstream.platform.web;

import io.taskstream.platform.problem.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Text the API does not store: the NUL character (U+0000), which PostgreSQL refuses in any text, and lone surrogates
 * (U+D800 to U+DFFF without their pair), which are no Unicode character at all and cannot be written as UTF-8. JSON
 * can still carry both as escapes ({@code "\u0000"}, {@code "\ud800"}), so every JSON document a client sends is
 * checked here once, whatever it is read into, and each string holding one is named as an invalid field.
 */
public final class JsonText {

    static final String NUL = "must not contain the NUL character (U+0000)";
    static final String LONE_SURROGATE = "must not contain a lone surrogate (U+D800 to U+DFFF without its pair)";

    private JsonText() {
    }

    /** Why the text cannot be stored, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    /** Every string of the document (member names included) that cannot be stored, by its path ({@code tags[1]}). */
    public static List<FieldViolation> violations(JsonNode document) {
        List<FieldViolation> violations = new ArrayList<>();
        check(document, "body", violations);
        return violations;
    }

    /**
     * Whether a JSON document's bytes may hold such text: an escape of NUL or of a surrogate, or the UTF-8 form of a
     * surrogate. A quick look at every body before it is read; only a document it finds is walked as a tree.
     */
    public static boolean mayHoldUnstorableText(byte[] json) {
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == 0) {
                return true;
            }
            if (b == (byte) 0xED && i + 1 < json.length && (json[i + 1] & 0xE0) == 0xA0) {
                return true;
            }
            if (b == '\\' && i + 5 < json.length && (json[i + 1] == 'u' || json[i + 1] == 'U')) {
                String hex = new String(json, i + 2, 4, StandardCharsets.US_ASCII);
                if (hex.equals("0000") || hex.matches("(?i)d[89a-f]..")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void check(JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            String problem = problem(node.asString());
            if (problem != null) {
                violations.add(new FieldViolation(path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                String problem = problem(name);
                String memberPath = "body".equals(path) ? safe(name) : path + "." + safe(name);
                if (problem != null) {
                    violations.add(new FieldViolation(memberPath, "the member's name " + problem));
                } else {
                    check(member.getValue(), memberPath, violations);
                }
            }
        }
    }

    /** A member name as a problem may show it: without the characters that make it unstorable. */
    private static String safe(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == 0) {
                out.append("\\u0000");
            } else if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                out.append(c).append(name.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
