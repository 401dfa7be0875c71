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
import java.util.Map;
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

        /**
         * Zones IANA renamed, by their old names, which browsers (through ICU and CLDR) still report: accepted, and
         * stored by their current names so that every account shows the name people look for (ADR 045).
         */
        private static final Map<String, String> RENAMED = Map.ofEntries(
                Map.entry("Asia/Calcutta", "Asia/Kolkata"),
                Map.entry("Europe/Kiev", "Europe/Kyiv"),
                Map.entry("America/Godthab", "America/Nuuk"),
                Map.entry("Asia/Saigon", "Asia/Ho_Chi_Minh"),
                Map.entry("Asia/Katmandu", "Asia/Kathmandu"),
                Map.entry("Asia/Rangoon", "Asia/Yangon"),
                Map.entry("Atlantic/Faeroe", "Atlantic/Faroe"),
                Map.entry("Pacific/Enderbury", "Pacific/Kanton"),
                Map.entry("Pacific/Truk", "Pacific/Chuuk"),
                Map.entry("Pacific/Ponape", "Pacific/Pohnpei"),
                Map.entry("Asia/Ulan_Bator", "Asia/Ulaanbaatar"),
                Map.entry("Asia/Thimbu", "Asia/Thimphu"),
                Map.entry("Asia/Dacca", "Asia/Dhaka"),
                Map.entry("Asia/Macao", "Asia/Macau"),
                Map.entry("Asia/Ujung_Pandang", "Asia/Makassar"),
                Map.entry("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
                Map.entry("America/Catamarca", "America/Argentina/Catamarca"),
                Map.entry("America/Cordoba", "America/Argentina/Cordoba"),
                Map.entry("America/Jujuy", "America/Argentina/Jujuy"),
                Map.entry("America/Mendoza", "America/Argentina/Mendoza"),
                Map.entry("America/Indianapolis", "America/Indiana/Indianapolis"),
                Map.entry("America/Louisville", "America/Kentucky/Louisville"));

        /** Whether the value, stripped, names an IANA zone. */
        public static boolean isIana(String value) {
            return ZONES.contains(value.strip());
        }

        /**
         * The current name of a zone this validator accepts, stripped: {@code Asia/Calcutta} → {@code Asia/Kolkata}
         * (same rules, IANA's current name); any other name as given.
         */
        public static String canonical(String value) {
            String zone = value.strip();
            String renamed = RENAMED.get(zone);
            return renamed != null && ZONES.contains(renamed) ? renamed : zone;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isIana(value);
        }
    }
}
