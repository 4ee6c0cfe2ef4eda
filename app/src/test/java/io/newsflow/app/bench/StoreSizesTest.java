package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSizesTest {
  @TempDir Path stateDir;

  @Test
  void sumsEachStoresFilesOverTasksAndIgnoresFilesOutsideRocksDb() throws IOException {
    write("0_0/rocksdb/story-state-store/000001.sst", 100);
    write("0_1/rocksdb/story-state-store/000002.sst", 50);
    write("0_0/rocksdb/document-window-store/LOG", 7);
    write("0_0/.checkpoint", 1000);
    write("0_0/rocksdb/stray-file", 1000);

    assertThat(StoreSizes.onDisk(stateDir))
        .containsExactlyInAnyOrderEntriesOf(Map.of("story-state-store", 150L, "document-window-store", 7L));
  }

  @Test
  void anApplicationWithoutStateYetHasNoStores() {
    assertThat(StoreSizes.onDisk(stateDir.resolve("not-created"))).isEmpty();
  }

  @Test
  void estimatedKeysAreSummedOverTasksByStoreAndOtherMetricsIgnored() {
    Map<MetricName, Metric> metrics = Map.of(
        keys("0_0", "story-member-store"), value(BigInteger.valueOf(30)),
        keys("0_1", "story-member-store"), value(BigInteger.valueOf(12)),
        keys("0_0", "story-state-store"), value(BigInteger.valueOf(5)),
        new MetricName("size-all-mem-tables", "stream-state-metrics", "",
            Map.of("task-id", "0_0", "rocksdb-state-id", "story-state-store")), value(BigInteger.valueOf(999)));

    assertThat(StoreSizes.estimatedKeys(metrics))
        .containsExactlyInAnyOrderEntriesOf(Map.of("story-member-store", 42L, "story-state-store", 5L));
  }

  private void write(String relative, int bytes) throws IOException {
    Path file = stateDir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[bytes]);
  }

  private static MetricName keys(String task, String store) {
    return new MetricName("estimate-num-keys", "stream-state-metrics", "",
        Map.of("thread-id", "t", "task-id", task, "rocksdb-state-id", store));
  }

  private static Metric value(Object v) {
    return new Metric() {
      @Override public MetricName metricName() {
        return null;
      }

      @Override public Object metricValue() {
        return v;
      }
    };
  }
}
