package io.newsflow.app.logging;

import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.filter.AbstractFilter;

/**
 * Drops the local broker's error for a transactional producer's batch that reaches a partition before the
 * batch with sequence 0 (KAFKA-18202, transactions v2): the broker refuses it as retriable, the producer sends it
 * again after the first and it is written. It appears once per producer and partition as a pipeline starts; any
 * other append error, and this exception for any other reason, is kept.
 */
@Plugin(name = "RetriedFirstAppendFilter", category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE)
public final class RetriedFirstAppendFilter extends AbstractFilter {
  static final String FIRST_SEQUENCE_EXPECTED =
      "Expected sequence 0 for transactions v2 idempotent producer with no existing state";

  private RetriedFirstAppendFilter() {
    super(Result.DENY, Result.NEUTRAL);
  }

  @PluginFactory
  public static RetriedFirstAppendFilter create() {
    return new RetriedFirstAppendFilter();
  }

  @Override
  public Result filter(LogEvent event) {
    Throwable thrown = event.getThrown();
    boolean retriedFirstAppend = thrown instanceof OutOfOrderSequenceException && thrown.getMessage() != null
        && thrown.getMessage().contains(FIRST_SEQUENCE_EXPECTED);
    return retriedFirstAppend ? onMatch : onMismatch;
  }
}
