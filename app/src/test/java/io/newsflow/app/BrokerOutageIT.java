package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.config.PipelineNamespace;
import io.newsflow.platform.kafka.LocalKafkaBroker;
import io.newsflow.platform.registry.LocalSchemaRegistry;
import io.newsflow.platform.streams.StreamsService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's broker fault: the only broker stops for 30 seconds in the middle of a run and comes back
 * on the same port and data. Ingest, enrich and aggregate must carry on by themselves and end with
 * the stories of a run without the outage.
 */
@Tag("long")
class BrokerOutageIT {
  static final Duration OUTAGE = Duration.ofSeconds(30);
  static final List<String> INPUTS = List.of("bbc-news-2225/business", "bbc-news-2225/tech");

  @TempDir Path dir;
  private LocalKafkaBroker broker;

  @Test
  void thePipelineRecoversFromABrokerOutageOnItsOwnAndLosesNothing() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    broker = LocalKafkaBroker.start(dir.resolve("broker"), port);
    try (LocalSchemaRegistry registry = LocalSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      NewsflowConfig base = NewsflowConfig.defaults()
          .with(NewsflowConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
          .with(NewsflowConfig.SCHEMA_REGISTRY_URL, registry.url())
          .with(NewsflowConfig.PARTITIONS, "2");
      List<Path> inputs = INPUTS.stream().map(SharedData::path).toList();

      PipelineOutcome reference = run(base, "reference", inputs, false, port);
      PipelineOutcome outage = run(base, "outage", inputs, true, port);

      reference.assertConsistent(900);
      outage.assertConsistent(900);
      System.out.printf("broker outage test: %d s outage survived; %s checked against the run without it%n",
          OUTAGE.toSeconds(), outage.summary());
      outage.assertSameStoriesAs(reference);
    } finally {
      broker.close();
    }
  }

  private static IngestSummary ingest(Cluster cluster, Path input) {
    return Services.ingestFiles(cluster, List.of(input), new PrintStream(new ByteArrayOutputStream()));
  }

  private PipelineOutcome run(NewsflowConfig base, String name, List<Path> inputs, boolean outage, int port)
      throws Exception {
    NewsflowConfig config = PipelineNamespace.apply(base
        .with(NewsflowConfig.DATA_DIR, dir.resolve(name).toString())
        .with("ingest.instance", name), name);
    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      try (StreamsService enrich = Services.enrich(cluster).start();
           StreamsService aggregate = Services.aggregate(cluster).start()) {
        // The first folder goes in before the outage; the second is handed to ingest while the broker
        // is down, so ingest too has to wait for it and carry on.
        assertThat(ingest(cluster, inputs.get(0)).published()).isPositive();
        Thread.sleep(5_000);
        if (outage) {
          broker.close();
        }
        CompletableFuture<IngestSummary> second = CompletableFuture.supplyAsync(() -> ingest(cluster, inputs.get(1)));
        if (outage) {
          Thread.sleep(OUTAGE.toMillis());
          broker = LocalKafkaBroker.start(dir.resolve("broker"), port);
        }
        IngestSummary summary = second.get();
        assertThat(summary.published()).isPositive();
        assertThat(summary.failedDeliveries()).isZero();
        try (Admin admin = cluster.admin()) {
          assertThat(PipelineIdle.await(admin, Services.consumerGroups(cluster),
              Services.settleTime(cluster).plusSeconds(5), Duration.ofMinutes(10))).isTrue();
        }
      }
      return PipelineOutcome.read(config, cluster.topics());
    }
  }
}
