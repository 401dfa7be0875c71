package io.taskstream.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Validates a CloudEvent against the JSON schema of its type under {@code events/schemas}. */
public final class EventSchemas {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix("https://taskstream.dev/schemas/events/",
                    "classpath:events/schemas/")));

    private EventSchemas() {
    }

    /** The violations; empty when the event is valid. */
    public static List<com.networknt.schema.Error> validate(JsonNode event) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(
                "https://taskstream.dev/schemas/events/" + event.get("type").asString() + ".schema.json"));
        return schema.validate(event, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }
}
