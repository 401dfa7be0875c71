package io.taskstream.platform.web;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.lang.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON converter. A body holding text the API does not store (NUL, lone surrogates: {@link JsonText}) is
 * refused whatever it is read into, naming every such field. When a body does not bind to its record because of a
 * member's type or name, it reads the body again as a tree and reports every bad member at once ({@link JsonErrors}),
 * instead of the first one Jackson stopped at. Bodies are small (the size limit applies), so keeping their bytes for
 * that second reading costs little.
 */
class TypeCheckingJsonConverter extends JacksonJsonHttpMessageConverter {

    TypeCheckingJsonConverter(JsonMapper json) {
        super(json);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage message, @Nullable Map<String, Object> hints)
            throws IOException {
        Class<?> target = type.resolve();
        byte[] body = message.getBody().readAllBytes();
        HttpInputMessage replay = new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
        refuseUnstorableText(body, target, replay);
        if (target == null || !target.isRecord()) {
            return super.read(type, replay, hints);
        }
        try {
            return super.read(type, replay, hints);
        } catch (HttpMessageNotReadableException e) {
            if (!(e.getCause() instanceof MismatchedInputException mismatch)) {
                throw e;
            }
            JsonNode tree;
            try {
                tree = getMapper().readTree(body);
            } catch (JacksonException unreadable) {
                throw e;
            }
            throw new HttpMessageNotReadableException(e.getMessage(),
                    JsonErrors.clientError(mismatch, tree, target, getMapper()), replay);
        }
    }

    private void refuseUnstorableText(byte[] body, Class<?> target, HttpInputMessage message) {
        if (!JsonText.mayHoldUnstorableText(body)) {
            return;
        }
        JsonNode tree;
        try {
            tree = getMapper().readTree(body);
        } catch (JacksonException unreadable) {
            return; // the reading proper says what is wrong with it
        }
        List<FieldViolation> violations = new ArrayList<>(JsonText.violations(tree));
        if (!violations.isEmpty()) {
            violations.addAll(JsonErrors.otherViolations(tree, target, violations, getMapper()));
            throw new HttpMessageNotReadableException("Unstorable text in the request body",
                    ClientErrorException.invalid(violations), message);
        }
    }
}
