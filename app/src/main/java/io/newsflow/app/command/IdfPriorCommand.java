package io.newsflow.app.command;

import io.newsflow.aggregate.DocumentFrequencyPrior;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.evaluate.GmbDocuments;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RawArticles;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the shipped document-frequency prior (ADR 42) from the GMB extract: same data, same file. */
@Command(name = "idf-prior", mixinStandardHelpOptions = true,
    description = "Counts the document frequencies of the GMB extract's news (gmb_ner_dataset.conll.gz), enriched as "
        + "articles, and writes the table the English shard's counts start from.")
public final class IdfPriorCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "The GMB extract in CoNLL form (token, POS, IOB2 tag), gzipped or not.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Table to write; the shipped one is aggregate/src/main/resources/io/newsflow/aggregate/"
          + DocumentFrequencyPrior.RESOURCE + ".")
  Path out;

  private final PrintStream err;

  public IdfPriorCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new UsageProblem("--data: no such file: " + data);
    }
    List<IncomingArticle> incoming = GmbDocuments.read(data);
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(), Services.DEFAULT_MAX_BODY_CHARS);
    List<EnrichedArticle> articles = incoming.stream()
        .map(a -> enricher.enrich(RawArticles.from(a, a.publishedAt())))
        .toList();
    DocumentFrequencyPrior prior = DocumentFrequencyPrior.countedFrom(articles);
    prior.write(out);
    err.printf("idf-prior: %d articles, %d keys in at least %d of them, written to %s%n", prior.documents(),
        prior.keys(), DocumentFrequencyPrior.MIN_DOCUMENTS, out);
    return ExitCodes.OK;
  }
}
