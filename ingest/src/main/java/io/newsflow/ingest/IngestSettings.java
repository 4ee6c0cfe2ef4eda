package io.newsflow.ingest;

import io.newsflow.platform.config.NewsflowConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Ingest's own settings.
 *
 * @param transactionalId   of the publisher's producer. Must be stable across restarts of one
 *                          instance (a restart then fences its predecessor and aborts what it left
 *                          open) and differ between instances running at once (or they fence each
 *                          other). Setting {@value #TRANSACTIONAL_ID}; default {@code newsflow-ingest-}
 *                          + the instance name ({@value #INSTANCE}, default the host name).
 * @param maxPerTransaction records (articles and dead letters) per transaction, setting
 *                          {@value #MAX_PER_TRANSACTION}, default 1000: fewer commits for a big load,
 *                          while a batch stays small against the producer's buffer
 */
public record IngestSettings(String transactionalId, int maxPerTransaction) {
  public static final String INSTANCE = "ingest.instance";
  public static final String TRANSACTIONAL_ID = "ingest.transactional.id";
  public static final String MAX_PER_TRANSACTION = "ingest.transaction.max-records";
  static final int DEFAULT_MAX_PER_TRANSACTION = 1000;

  public static IngestSettings from(NewsflowConfig config) {
    String instance = config.get(INSTANCE).orElseGet(IngestSettings::hostName);
    return new IngestSettings(config.get(TRANSACTIONAL_ID).orElse("newsflow-ingest-" + instance),
        (int) config.getLong(MAX_PER_TRANSACTION, DEFAULT_MAX_PER_TRANSACTION));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    } catch (UnknownHostException e) {
      String fromEnvironment = System.getenv("HOSTNAME");
      return fromEnvironment == null || fromEnvironment.isBlank() ? "local" : fromEnvironment;
    }
  }
}
