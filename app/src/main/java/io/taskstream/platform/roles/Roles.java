package io.taskstream.platform.roles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * The roles this process runs, read from {@code taskstream.roles} (comma separated, or {@code all}). Read from the
 * environment before any properties record binds, so it is documented in
 * {@code META-INF/additional-spring-configuration-metadata.json}; unset or blank means all.
 */
public record Roles(Set<Role> active) {

    public static final String PROPERTY = "taskstream.roles";

    public Roles {
        active = Set.copyOf(active);
    }

    public static Roles from(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }

    public static Roles parse(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return new Roles(EnumSet.allOf(Role.class));
        }
        Set<Role> roles = Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return Role.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Unknown role '" + s + "' in " + PROPERTY + "; known roles: "
                                + Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", ")), e);
                    }
                })
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Roles(roles);
    }

    public boolean runs(Role role) {
        return active.contains(role);
    }
}
