package io.newsflow.schemas.registry;

/** A registry call failed; {@link #status()} is the HTTP status (0 when the registry was unreachable). */
public class SchemaRegistryException extends RuntimeException {
  private final int status;
  private final int errorCode;

  public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, int status, int errorCode) {
    this(message, status, errorCode, null);
  }

  public int status() { return status; }

  /** The registry was unreachable or failed on its side: the same call may well succeed later. */
  public boolean isTransient() {
    return (status == 0 && !(getCause() instanceof InterruptedException)) || status >= 500;
  }

  /** Confluent error code, e.g. 40401 subject not found, 40403 schema not found, 409 incompatible. */
  public int errorCode() { return errorCode; }
}
