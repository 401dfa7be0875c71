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
import java.time.ZoneId;
import java.util.Set;

/**
 * The annotated string is an IANA time zone name such as {@code Europe/Berlin} (surrounding blanks allowed);
 * null is valid. Checked with the other constraints of a request, so a bad zone is reported together with every
 * other bad field. {@link ZoneId#of} alone would also take fixed offsets such as {@code +01:00} or {@code GMT+1}.
 */
@Documented
@Constraint(validatedBy = IanaZone.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaZone {

    String message() default "'${validatedValue}' is not an IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link IanaZone}. */
    final class Validator implements ConstraintValidator<IanaZone, String> {

        private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

        /** Whether the value, stripped, names an IANA zone. */
        public static boolean isIana(String value) {
            return ZONES.contains(value.strip());
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isIana(value);
        }
    }
}
