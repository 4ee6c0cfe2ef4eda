package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.kafka.LagMonitor;
import io.newsflow.platform.kafka.PartitionLag;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow status}: consumer lag of every pipeline group, per topic and partition, as a table. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Prints the lag of every consumer group of the pipeline per topic and partition: records behind "
        + "and the age of the oldest unconsumed record.")
public final class StatusCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;

  private final PrintStream out;

  public StatusCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    NewsflowConfig config = cluster.load();
    if (config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty()) {
      throw new UsageProblem("--bootstrap-servers is required (e.g. the address `newsflow run` prints)");
    }
    try (Admin admin = Admin.create(config.kafkaClientProperties());
         LagMonitor monitor = new LagMonitor(admin, config.kafkaClientProperties(), Clock.systemUTC())) {
      print(monitor.measure(Services.consumerGroups(config)));
    }
    return ExitCodes.OK;
  }

  void print(List<PartitionLag> lags) {
    String format = "%-32s %-48s %5s %12s %12s %10s %10s%n";
    out.printf(Locale.ROOT, format, "GROUP", "TOPIC", "PART", "COMMITTED", "END", "LAG", "AGE(s)");
    for (PartitionLag l : lags) {
      out.printf(Locale.ROOT, format, l.group(), l.topic(), l.partition(), l.committed(), l.end(), l.records(),
          String.format(Locale.ROOT, "%.1f", l.ageMillis() / 1000.0));
    }
    long total = lags.stream().mapToLong(PartitionLag::records).sum();
    out.printf(Locale.ROOT, "total lag: %d records%n", total);
  }
}
