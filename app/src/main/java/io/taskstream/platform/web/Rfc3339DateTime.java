package io.taskstream.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The annotated string is an RFC 3339 date-time with an offset, such as {@code 2027-01-01T00:00:00Z} (surrounding
 * blanks allowed) within the {@link SupportedDates}; with {@code future}, also after the validation clock's now (the
 * application's {@code Clock}).
 * Null is valid. Checked with the other constraints of a request, so every bad field is reported at once.
 */
@Documented
@Constraint(validatedBy = Rfc3339DateTime.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Rfc3339DateTime {

    String message() default "must be an RFC 3339 date-time such as 2027-01-01T00:00:00Z";

    /** Also require a moment after now. */
    boolean future() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link Rfc3339DateTime}. */
    final class Validator implements ConstraintValidator<Rfc3339DateTime, String> {

        private boolean future;

        /** The instant a valid (already checked) value names; null for null. */
        public static Instant parse(String value) {
            return value == null ? null : OffsetDateTime.parse(value.strip()).toInstant();
        }

        @Override
        public void initialize(Rfc3339DateTime annotation) {
            future = annotation.future();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Instant at;
            try {
                at = parse(value);
            } catch (DateTimeParseException e) {
                return false;
            }
            if (!SupportedDates.contains(at)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(SupportedDates.OUT_OF_RANGE).addConstraintViolation();
                return false;
            }
            if (future && !at.isAfter(context.getClockProvider().getClock().instant())) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("must be in the future").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
