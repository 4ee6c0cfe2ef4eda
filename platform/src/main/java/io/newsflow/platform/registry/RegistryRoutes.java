package io.newsflow.platform.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.newsflow.platform.registry.LogEntry.SchemaEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over a {@link RegistryService}: paths, request and response
 * JSON, content types and error bodies ({@code {"error_code":..,"message":..}}, never a stack trace).
 */
final class RegistryRoutes {
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryService service;

  RegistryRoutes(RegistryService service) {
    this.service = service;
  }

  void addTo(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> respond(ctx, Map.of()));
    routes.get("/schemas/types", ctx -> respond(ctx, List.of("AVRO")));
    routes.get("/schemas/ids/{id}", ctx -> respond(ctx, Map.of("schema", service.schemaText(id(ctx)))));
    routes.get("/schemas/ids/{id}/schema", ctx -> respondRaw(ctx, service.schemaText(id(ctx))));
    routes.get("/schemas/ids/{id}/versions", ctx -> respond(ctx, service.usesOf(id(ctx)).stream()
        .map(v -> Map.of("subject", v.subject(), "version", v.version())).toList()));
    routes.get("/schemas/ids/{id}/subjects", ctx -> respond(ctx, service.usesOf(id(ctx)).stream()
        .map(SchemaEntry::subject).distinct().toList()));

    routes.get("/subjects", ctx -> respond(ctx, service.store().subjects(deleted(ctx))));
    routes.post("/subjects/{subject}", ctx -> respond(ctx, versionJson(service.lookup(subject(ctx), schema(ctx)))));
    routes.delete("/subjects/{subject}", ctx -> {
      refusePermanent(ctx);
      respond(ctx, service.deleteSubject(subject(ctx)));
    });
    routes.get("/subjects/{subject}/versions", ctx -> respond(ctx, service.versionNumbers(subject(ctx), deleted(ctx))));
    routes.post("/subjects/{subject}/versions", ctx -> respond(ctx, Map.of("id", service.register(subject(ctx), schema(ctx)))));
    routes.get("/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
        versionJson(service.version(subject(ctx), ctx.pathParam("version"), deleted(ctx)))));
    routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> respondRaw(ctx,
        service.version(subject(ctx), ctx.pathParam("version"), deleted(ctx)).schema()));
    routes.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> {
      service.version(subject(ctx), ctx.pathParam("version"), false);
      respond(ctx, List.of());
    });
    routes.delete("/subjects/{subject}/versions/{version}", ctx -> {
      refusePermanent(ctx);
      respond(ctx, service.deleteVersion(subject(ctx), ctx.pathParam("version")));
    });

    routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx -> respond(ctx,
        Map.of("is_compatible", service.isCompatible(subject(ctx), ctx.pathParam("version"), schema(ctx)))));
    routes.post("/compatibility/subjects/{subject}/versions", ctx -> respond(ctx,
        Map.of("is_compatible", service.isCompatible(subject(ctx), "latest", schema(ctx)))));

    routes.get("/config", ctx -> respond(ctx, Map.of("compatibilityLevel", service.globalLevel().name())));
    routes.put("/config", ctx -> respond(ctx, Map.of("compatibility", service.setLevel(null, level(ctx)).name())));
    routes.get("/config/{subject}", ctx -> respond(ctx, Map.of("compatibilityLevel",
        service.subjectLevel(subject(ctx), "true".equalsIgnoreCase(ctx.queryParam("defaultToGlobal"))).name())));
    routes.put("/config/{subject}", ctx -> respond(ctx,
        Map.of("compatibility", service.setLevel(subject(ctx), level(ctx)).name())));
    routes.delete("/config/{subject}", ctx -> respond(ctx,
        Map.of("compatibilityLevel", service.deleteSubjectLevel(subject(ctx)).name())));
    routes.get("/mode", ctx -> respond(ctx, Map.of("mode", "READWRITE")));

    routes.exception(RegistryException.class, (e, ctx) -> {
      if (e.status() >= 500) {
        LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
      }
      error(ctx, e.status(), e.errorCode(), e.getMessage());
    });
    routes.exception(HttpResponseException.class, (e, ctx) ->
        error(ctx, e.getStatus(), e.getStatus(), "HTTP " + e.getStatus() + " " + reason(e.getStatus())));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, 500, "Internal server error: " + e.getClass().getSimpleName());
    });
  }

  private static Map<String, Object> versionJson(SchemaEntry v) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subject", v.subject());
    json.put("version", v.version());
    json.put("id", v.id());
    json.put("schema", v.schema());
    return json;
  }

  private static String subject(Context ctx) {
    return ctx.pathParam("subject");
  }

  private static int id(Context ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound();
    }
  }

  private static boolean deleted(Context ctx) {
    return "true".equalsIgnoreCase(ctx.queryParam("deleted"));
  }

  private static void refusePermanent(Context ctx) {
    if ("true".equalsIgnoreCase(ctx.queryParam("permanent"))) {
      throw RegistryException.unprocessable("Permanent deletes are not supported by the local schema registry");
    }
  }

  private static JsonNode body(Context ctx) {
    String body = ctx.body();
    try {
      JsonNode json = body.isBlank() ? null : JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw RegistryException.badRequest("Request body must be a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The Avro schema of a {@code {"schema": "...", "schemaType": "AVRO"}} request body. */
  private static Schema schema(Context ctx) {
    JsonNode body = body(ctx);
    String type = body.path("schemaType").asText("AVRO");
    if (!type.isEmpty() && !"AVRO".equalsIgnoreCase(type)) {
      throw RegistryException.invalidSchema("schema type " + type + " is not supported, only AVRO");
    }
    JsonNode references = body.get("references");
    if (references != null && references.isArray() && !references.isEmpty()) {
      throw RegistryException.invalidSchema("schema references are not supported by the local schema registry");
    }
    JsonNode schema = body.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw RegistryException.invalidSchema("the request has no \"schema\" string");
    }
    return SchemaStore.parse(schema.asText());
  }

  private static CompatibilityLevel level(Context ctx) {
    JsonNode level = body(ctx).get("compatibility");
    return CompatibilityLevel.parse(level == null || level.isNull() ? null : level.asText());
  }

  private static void respond(Context ctx, Object body) throws JsonProcessingException {
    ctx.contentType(contentType(ctx)).result(JSON.writeValueAsString(body));
  }

  /** A schema itself as the body, as Confluent's {@code .../schema} endpoints answer. */
  private static void respondRaw(Context ctx, String schema) {
    ctx.contentType(contentType(ctx)).result(schema);
  }

  private static void error(Context ctx, int status, int errorCode, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", errorCode);
    body.put("message", message == null ? "" : message);
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      json = "{\"error_code\":" + errorCode + ",\"message\":\"error\"}";
    }
    ctx.status(status).contentType(contentType(ctx)).result(json);
  }

  /** Confluent's media type unless the client accepts plain JSON only. */
  private static String contentType(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("application/json") && !accept.contains("application/vnd.schemaregistry")
        && !accept.contains("*/*")) {
      return "application/json";
    }
    return CONTENT_TYPE;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Request Entity Too Large";
      default -> "Error";
    };
  }
}
