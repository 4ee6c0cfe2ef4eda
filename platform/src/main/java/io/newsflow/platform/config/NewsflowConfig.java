package io.newsflow.platform.config;

import io.newsflow.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Layered settings: safe defaults, then a properties file, then {@code NEWSFLOW_*} environment
 * variables ({@code NEWSFLOW_BOOTSTRAP_SERVERS} → {@code bootstrap.servers}; as names cannot hold a
 * hyphen, {@code NEWSFLOW_AGGREGATE_LATE_GRACE} sets {@code aggregate.late-grace}), then command-line flags.
 * Kafka client settings (security.*, ssl.*, sasl.*, and any key under {@code kafka.}) pass through to
 * every client.
 */
public final class NewsflowConfig {
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String PARTITIONS = "topic.partitions";
  public static final String REPLICATION_FACTOR = "topic.replication.factor";
  public static final String DATA_DIR = "data.dir";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String STREAM_THREADS = "num.stream.threads";
  public static final String STANDBY_REPLICAS = "num.standby.replicas";
  public static final String COMMIT_INTERVAL_MS = "commit.interval.ms";
  /**
   * The codec of every producer of the pipeline (Streams and ingest); by default the public topics' codec. The
   * public topics' own {@code topic.public.compression} decides what subscribers read; this decides who compresses:
   * a batch in another codec than its topic's is recompressed by the broker, which costs more (ADR 33).
   */
  public static final String PRODUCER_COMPRESSION = "producer.compression";
  /**
   * The producers' compression level for their codec ({@code compression.<codec>.level}). Gzip defaults to 1, not
   * Kafka's 6: the pipeline's producers also write its changelogs and repartition topics, and level 6 costs
   * more stream-thread CPU than it saves bytes (ADR 39).
   */
  public static final String PRODUCER_COMPRESSION_LEVEL = "producer.compression.level";
  static final String GZIP_LEVEL = "1";
  public static final String ENV_PREFIX = "NEWSFLOW_";

  // Two partitions and two stream threads per service by default: enrich, the heaviest stage, uses both cores of
  // a small machine. The stories do not depend on the partition count (ADR 31).
  private static final Map<String, String> DEFAULTS = Map.of(
      PARTITIONS, "2",
      REPLICATION_FACTOR, "1",
      DATA_DIR, ".newsflow",
      PROCESSING_GUARANTEE, "exactly_once_v2",
      STREAM_THREADS, "2",
      STANDBY_REPLICAS, "0",
      COMMIT_INTERVAL_MS, "100");

  private final Map<String, String> settings;

  private NewsflowConfig(Map<String, String> settings) {
    this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
  }

  public static NewsflowConfig defaults() {
    return new NewsflowConfig(DEFAULTS);
  }

  /** Defaults, then {@code file} (if given), then the environment, then {@code flags}. */
  public static NewsflowConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
    Map<String, String> merged = new TreeMap<>(DEFAULTS);
    file.ifPresent(f -> merged.putAll(readProperties(f)));
    environment.forEach((name, value) -> {
      if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
        merged.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    flags.forEach((k, v) -> {
      if (v != null) {
        merged.put(k, v);
      }
    });
    return new NewsflowConfig(merged);
  }

  /** A copy with {@code key} set (or removed when {@code value} is null). */
  public NewsflowConfig with(String key, String value) {
    Map<String, String> copy = new TreeMap<>(settings);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new NewsflowConfig(copy);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(lookup(key));
  }

  public String require(String key) {
    return get(key).orElseThrow(() -> new ConfigException("missing setting " + key));
  }

  public int getInt(String key) {
    String value = require(key);
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("setting " + key + " must be an integer, got '" + value + "'");
    }
  }

  public long getLong(String key, long fallback) {
    String value = lookup(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("setting " + key + " must be an integer, got '" + value + "'");
    }
  }

  public boolean getBoolean(String key, boolean fallback) {
    String value = lookup(key);
    if (value == null) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException("setting " + key + " must be true or false, got '" + value + "'");
    };
  }

  /** The value of {@code key}, or of its environment spelling (hyphens as dots) when only that is set. */
  private String lookup(String key) {
    String value = settings.get(key);
    return value != null || key.indexOf('-') < 0 ? value : settings.get(key.replace('-', '.'));
  }

  /** {@value Topics#PUBLIC_COMPRESSION}: the {@code compression.type} of the public topics, checked. */
  public String publicCompression() {
    try {
      return Topics.publicCompression(settings);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** {@link #PRODUCER_COMPRESSION}, else the producer spelling of the public topics' codec. */
  public String producerCompression() {
    return get(PRODUCER_COMPRESSION).orElseGet(() -> switch (publicCompression()) {
      case "uncompressed" -> "none";
      case "producer" -> "zstd"; // topics that keep what they are sent: the cheapest codec the pipeline reads
      default -> publicCompression();
    });
  }

  /**
   * What every producer of the pipeline is given to compress with: {@code compression.type} and, where set or
   * defaulted, the codec's {@code compression.<codec>.level}.
   */
  public Map<String, String> producerCompressionSettings() {
    String codec = producerCompression();
    Map<String, String> p = new TreeMap<>();
    p.put("compression.type", codec);
    Optional<String> level = get(PRODUCER_COMPRESSION_LEVEL).or(() -> codec.equals("gzip") ? Optional.of(GZIP_LEVEL) : Optional.empty());
    if (level.isPresent()) {
      if (codec.equals("none") || codec.equals("snappy")) {
        throw new ConfigException("setting " + PRODUCER_COMPRESSION_LEVEL + " has no meaning for codec " + codec
            + ": only gzip, lz4 and zstd have levels");
      }
      p.put("compression." + codec + ".level", checkedLevel(codec, level.get()));
    }
    return p;
  }

  /** Kafka's ranges (gzip 1-9, lz4 1-17, zstd up to 22), checked here so a bad value is one line, not a client's stack. */
  private static String checkedLevel(String codec, String level) {
    int min = codec.equals("zstd") ? -131072 : 1;
    int max = switch (codec) {
      case "gzip" -> 9;
      case "lz4" -> 17;
      default -> 22;
    };
    try {
      int value = Integer.parseInt(level.strip());
      if (value >= min && value <= max) {
        return Integer.toString(value);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException("setting " + PRODUCER_COMPRESSION_LEVEL + " must be a " + codec + " level from " + min
        + " to " + max + ", got '" + level + "'");
  }

  public Map<String, String> asMap() {
    return settings;
  }

  /** Connection and security settings every Kafka client of the pipeline gets. */
  public Properties kafkaClientProperties() {
    Properties p = new Properties();
    p.put(BOOTSTRAP_SERVERS, require(BOOTSTRAP_SERVERS));
    settings.forEach((k, v) -> {
      if (k.startsWith("security.") || k.startsWith("ssl.") || k.startsWith("sasl.")) {
        p.put(k, v);
      } else if (k.startsWith("kafka.")) {
        p.put(k.substring("kafka.".length()), v);
      }
    });
    return p;
  }

  /** A printable view with secrets masked, for logs. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    settings.forEach((k, v) -> b.append(k).append('=').append(isSecret(k) ? "[hidden]" : v).append(' '));
    return b.toString().trim();
  }

  /** Passwords, tokens, JAAS lines, registry credentials ({@code basic.auth.user.info}) and PEM keys ({@code ssl.keystore.key}). */
  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("sasl.jaas.config")
        || k.contains("user.info") || k.contains("credential") || k.endsWith(".key");
  }

  private static Map<String, String> readProperties(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> map = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k).trim()));
    return map;
  }
}
