package io.newsflow.platform.registry;

/**
 * A request the registry refuses, with the HTTP status and the Confluent error code it answers with
 * (40401 subject not found, 40402 version not found, 40403 schema not found, 40408 no subject-level
 * compatibility, 409 incompatible, 42201 invalid schema, 42202 invalid version, 42203 invalid
 * compatibility level, 50001 backend store error).
 */
final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  RegistryException(int status, int errorCode, String message) {
    this(status, errorCode, message, null);
  }

  RegistryException(int status, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  int status() {
    return status;
  }

  int errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(String subject, int version) {
    return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound() {
    return new RegistryException(404, 40403, "Schema not found");
  }

  static RegistryException subjectLevelConfigNotFound(String subject) {
    return new RegistryException(404, 40408,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  static RegistryException incompatible(String subject, String details) {
    return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
        + subject + "\", details: " + details);
  }

  static RegistryException invalidSchema(String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  static RegistryException invalidVersion(String version) {
    return new RegistryException(422, 42202, "The specified version '" + version
        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  static RegistryException invalidCompatibilityLevel(String level) {
    return new RegistryException(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are "
        + "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL and FULL_TRANSITIVE");
  }

  static RegistryException badRequest(String message) {
    return new RegistryException(400, 400, message);
  }

  static RegistryException unprocessable(String message) {
    return new RegistryException(422, 422, message);
  }

  static RegistryException backendStore(String message, Throwable cause) {
    return new RegistryException(500, 50001, "Error in the backend data store: " + message, cause);
  }
}
