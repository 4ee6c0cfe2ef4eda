package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Records each article's enriched-topic partition and offset in its headers (see {@link SourcePosition}). */
final class SourcePositionStamper implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
  private FixedKeyProcessorContext<String, EnrichedArticle> context;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedArticle> record) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    context.recordMetadata().ifPresent(m -> new SourcePosition(m.partition(), m.offset()).stamp(headers));
    context.forward(record.withHeaders(headers));
  }
}
