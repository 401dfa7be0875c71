package io.taskstream.assistant.quickadd;

import io.swagger.v3.oas.annotations.media.Schema;
import io.taskstream.platform.web.IanaZone;
import io.taskstream.platform.web.Rfc3339DateTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of the quick-add parse call. */
@Schema(name = "ParseRequest")
record ParseRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Pay rent every month on the 1st #finance")
        @NotBlank @Size(max = QuickAddController.MAX_TEXT) String text,
        @Schema(nullable = true, description = "RFC 3339 date-time the phrase is relative to; default: now",
                example = "2026-03-04T10:00:00+01:00") @Rfc3339DateTime String referenceTime,
        @Schema(nullable = true, description = "IANA zone; default: the user's", example = "Europe/Berlin")
        @Size(max = 64) @IanaZone String timeZone) {
}
