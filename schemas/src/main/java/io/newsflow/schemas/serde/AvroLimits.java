package io.newsflow.schemas.serde;

import org.apache.avro.SystemLimitException;

/**
 * Bounds what the length prefix of one string or bytes field can make Avro allocate. Avro allocates
 * the announced length before it reads, and by default allows almost 2 GiB: a ten-byte record could
 * then take gigabytes of heap. Avro reads these limits once, when {@link SystemLimitException} loads,
 * so they are set (unless the operator set them) before the first record is read. Collections are
 * already bounded by Avro's own allocation limit.
 */
final class AvroLimits {
  /** Far above any article (enrich.max-body-chars is a million characters, at most 4 MiB of UTF-8). */
  static final int MAX_FIELD_BYTES = 16 * 1024 * 1024;

  private AvroLimits() {}

  static synchronized void apply() {
    for (String property : new String[] {SystemLimitException.MAX_STRING_LENGTH_PROPERTY,
        SystemLimitException.MAX_BYTES_LENGTH_PROPERTY}) {
      if (System.getProperty(property) == null) {
        System.setProperty(property, String.valueOf(MAX_FIELD_BYTES));
      }
    }
  }
}
