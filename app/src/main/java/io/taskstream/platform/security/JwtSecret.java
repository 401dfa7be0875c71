package io.taskstream.platform.security;

import io.taskstream.platform.TaskstreamProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the HMAC key that signs our access tokens: the configured secret, or one generated on the
 * first start and kept (owner-readable only) in {@code <data-dir>/jwt-secret}. The value is never logged.
 */
final class JwtSecret {

    private static final Logger log = LoggerFactory.getLogger(JwtSecret.class);
    private static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    static SecretKey resolve(AuthProperties auth, TaskstreamProperties app) {
        byte[] secret = auth.jwtSecret() != null && !auth.jwtSecret().isBlank()
                ? auth.jwtSecret().getBytes(StandardCharsets.UTF_8)
                : persisted(app.dataDir().resolve("jwt-secret"));
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The JWT secret must be at least " + MIN_BYTES
                    + " bytes long (TASKSTREAM_JWT_SECRET / BETTER_AUTH_SECRET)");
        }
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    private static byte[] persisted(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(random));
                    log.warn("No JWT secret configured: generated one in {}. Set TASKSTREAM_JWT_SECRET when running "
                            + "more than one replica.", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    log.debug("JWT secret file created concurrently");
                } catch (UnsupportedOperationException noPosix) {
                    Files.writeString(file, Base64.getEncoder().encodeToString(random));
                }
            }
            return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the JWT secret file " + file, e);
        }
    }
}
