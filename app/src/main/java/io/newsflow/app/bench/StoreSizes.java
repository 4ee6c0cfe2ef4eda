package io.newsflow.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** How big an application's RocksDB stores are, summed over its tasks, by store name. */
public final class StoreSizes {
  private static final String ESTIMATED_KEYS = "estimate-num-keys";

  private StoreSizes() {}

  /**
   * Bytes of the files under each {@code rocksdb/<store>} directory of an application's state
   * directory. Files on disk lag deletions until RocksDB compacts them.
   */
  public static Map<String, Long> onDisk(Path applicationStateDir) {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(applicationStateDir)) {
      paths.forEach(p -> {
        String store = storeOf(applicationStateDir.relativize(p));
        if (store != null) {
          sizes.merge(store, sizeOrZero(p), Long::sum);
        }
      });
    } catch (NoSuchFileException e) {
      return sizes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UncheckedIOException e) {
      if (!(e.getCause() instanceof NoSuchFileException)) {
        throw e;   // a file RocksDB deleted while walking is simply gone
      }
    }
    return sizes;
  }

  /** The store a file belongs to: the directory after {@code rocksdb} in {@code <task>/rocksdb/<store>/...}. */
  static String storeOf(Path relative) {
    for (int i = 0; i + 2 < relative.getNameCount(); i++) {
      if (relative.getName(i).toString().equals("rocksdb")) {
        return relative.getName(i + 1).toString();
      }
    }
    return null;
  }

  private static long sizeOrZero(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** RocksDB's estimate of the keys in each store (Streams' {@code estimate-num-keys}), summed over tasks. */
  public static Map<String, Long> estimatedKeys(KafkaStreams streams) {
    return estimatedKeys(streams.metrics());
  }

  static Map<String, Long> estimatedKeys(Map<MetricName, ? extends Metric> metrics) {
    Map<String, Long> keys = new TreeMap<>();
    metrics.forEach((name, metric) -> {
      if (!name.name().equals(ESTIMATED_KEYS)) {
        return;
      }
      String store = name.tags().entrySet().stream().filter(t -> t.getKey().endsWith("-state-id"))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      Object value = metric.metricValue();
      if (store != null && value instanceof Number n) {
        keys.merge(store, n instanceof BigInteger b ? b.longValue() : n.longValue(), Long::sum);
      }
    });
    return keys;
  }
}
