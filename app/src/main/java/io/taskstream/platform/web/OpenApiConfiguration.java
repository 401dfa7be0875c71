package io.taskstream.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document: title, version, the bearer-token scheme every call uses, and two corrections that make it
 * precise enough for the web app's generated TypeScript types ({@code web/src/api/schema.d.ts}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /**
     * Response schemas that are not written with {@code spring.jackson.default-property-inclusion: always}: Spring's
     * problem details (non-empty properties only), the SSE emitter (a stream, not JSON) and reminders (either
     * {@code before} or {@code at}).
     */
    private static final Set<String> SPARSE_RESPONSES = Set.of("ProblemDetail", "SseEmitter", "Reminder");

    static {
        // Free-form JSON (tool call arguments and results): any value, not the JsonNode class's getters. springdoc
        // still writes it as "type: object"; preciseSchemas() turns that into the empty schema.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>());
    }

    @Bean
    OpenAPI taskstreamOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Taskstream API").version("v1")
                        .description("Tasks, accounts and the assistant. Errors are RFC 9457 problem documents."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Every property of a schema the API only ever returns is present in the JSON (Jackson writes nulls too), so it is
     * listed as required, nullable or not; request schemas keep their optional fields. A nullable reference becomes
     * {@code anyOf: [$ref, null]}, the OpenAPI 3.1 form, instead of springdoc's {@code type: null} beside the $ref.
     */
    @Bean
    OpenApiCustomizer preciseSchemas() {
        return openApi -> {
            Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            Set<String> requested = new HashSet<>();
            Set<String> returned = new HashSet<>();
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                    collectRequests(operation, schemas, requested);
                    collectResponses(operation, schemas, returned);
                }));
            }
            schemas.forEach((name, schema) -> {
                Map<String, Schema> properties = schema.getProperties();
                if (properties == null) {
                    return;
                }
                properties.replaceAll((property, value) -> anyJson(nullableReference(value)));
                if (returned.contains(name) && !requested.contains(name) && !SPARSE_RESPONSES.contains(name)) {
                    schema.setRequired(new ArrayList<>(properties.keySet()));
                }
            });
        };
    }

    /**
     * A {@link JsonNode} property: an {@code object} without properties is any JSON value (the empty schema, which
     * TypeScript reads as {@code unknown}, not {@code Record<string, never>}); with items it is an array of them.
     */
    private static Schema<?> anyJson(Schema<?> property) {
        Set<String> types = property.getTypes();
        if (types == null || !types.contains("object") || property.getProperties() != null
                || property.getAdditionalProperties() != null || property.get$ref() != null) {
            return property;
        }
        Set<String> replaced = new LinkedHashSet<>(types);
        replaced.remove("object");
        if (property.getItems() != null) {
            replaced.add("array");
            property.setTypes(replaced);
            return property;
        }
        Schema<?> any = new Schema<>();
        any.setDescription(property.getDescription());
        return any;
    }

    private static Schema<?> nullableReference(Schema<?> property) {
        Set<String> types = property.getTypes();
        if (property.get$ref() == null || types == null || !types.contains("null")) {
            return property;
        }
        Schema<?> nullable = new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()),
                new Schema<>().types(new LinkedHashSet<>(List.of("null")))));
        nullable.setDescription(property.getDescription());
        if (property.getExample() != null) {
            nullable.setExample(property.getExample());
        }
        return nullable;
    }

    private static void collectRequests(Operation operation, Map<String, Schema> schemas, Set<String> into) {
        RequestBody body = operation.getRequestBody();
        if (body != null) {
            collect(body.getContent(), schemas, into);
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                collect(parameter.getSchema(), schemas, into);
            }
        }
    }

    private static void collectResponses(Operation operation, Map<String, Schema> schemas, Set<String> into) {
        if (operation.getResponses() != null) {
            for (ApiResponse response : operation.getResponses().values()) {
                collect(response.getContent(), schemas, into);
            }
        }
    }

    private static void collect(Content content, Map<String, Schema> schemas, Set<String> into) {
        if (content != null) {
            content.values().forEach(media -> collect(media.getSchema(), schemas, into));
        }
    }

    /** Adds the names of the component schemas {@code schema} refers to, transitively. */
    private static void collect(Schema<?> schema, Map<String, Schema> schemas, Set<String> into) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            if (into.add(name)) {
                collect(schemas.get(name), schemas, into);
            }
        }
        collect(schema.getItems(), schemas, into);
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            collect(additional, schemas, into);
        }
        for (List<Schema> parts : List.of(nonNull(schema.getAllOf()), nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()))) {
            parts.forEach(part -> collect(part, schemas, into));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> collect(property, schemas, into));
        }
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
