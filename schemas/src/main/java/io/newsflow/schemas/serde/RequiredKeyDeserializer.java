package io.newsflow.schemas.serde;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * UTF-8 keys of a topic keyed by id (article id): a null or empty key is refused, as nothing
 * downstream could partition, join or deduplicate by it.
 */
public final class RequiredKeyDeserializer implements Deserializer<String> {
  @Override
  public String deserialize(String topic, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new UnreadableRecordException(UnreadableRecordException.MISSING_KEY,
          "record on topic " + topic + " has " + (bytes == null ? "a null" : "an empty") + " key; its id is required");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
