package io.newsflow.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.DocumentFrequencyPrior;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.InProcessNewsflow;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdfPriorCommandTest {
  @TempDir
  Path dir;

  private final InProcessNewsflow cli = new InProcessNewsflow();

  @Test
  void countsEveryArticleOfTwentySentencesAndWritesTheTableTheAggregateReads() throws Exception {
    // 41 sentences in GMB's layout: two articles of 20, the last sentence left over. "Baghdad" is in both, "Ankara"
    // only in the first, so only Baghdad reaches the table's two-article minimum.
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 41; i++) {
      lines.add("# sent_id = " + (i + 1));
      String place = i == 0 ? "Ankara" : "Baghdad";
      lines.add(i % 20 == 0 ? place + "\tNNP\tB-geo" : "Officials\tNNS\tO");
      lines.add("met\tVBD\tO");
      lines.add(".\t.\tO");
      lines.add("");
    }
    Path conll = dir.resolve("gmb.conll");
    Files.write(conll, lines);
    Path out = dir.resolve("prior.tsv.gz");

    int exit = cli.run("idf-prior", "--data", conll.toString(), "--out", out.toString());

    assertThat(exit).as(cli.err()).isZero();
    assertThat(cli.err()).contains("idf-prior: 2 articles");
    List<String> table;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(table.get(0)).isEqualTo("documents\t2");
    assertThat(table).contains("t:officials\t2", "t:met\t2").noneMatch(line -> line.contains("ankara"));
    try (InputStream in = Files.newInputStream(out)) {
      assertThat(DocumentFrequencyPrior.read(in, out.toString()).documents()).isEqualTo(2);
    }
  }

  @Test
  void aMissingCorpusIsAUsageError() {
    int exit = cli.run("idf-prior", "--data", dir.resolve("absent.conll.gz").toString(), "--out",
        dir.resolve("p.tsv.gz").toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip()).isEqualTo("error: --data: no such file: " + dir.resolve("absent.conll.gz"));
  }
}
