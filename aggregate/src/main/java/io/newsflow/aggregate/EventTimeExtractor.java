package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/** Stream time of the story topology is the articles' event time, not when a record was produced. */
final class EventTimeExtractor implements TimestampExtractor {
  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof EnrichedArticle article) {
      return article.getEventTime().toEpochMilli();
    }
    // Enrich's progress records (null value) do not move stream time: it stays the articles' event time.
    return record.value() == null && partitionTime >= 0 ? partitionTime : record.timestamp();
  }
}
