package io.newsflow.app.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.enrich.text.Analysis;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.Term;
import io.newsflow.enrich.text.entities.NamedEntity;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.ArticleJson;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.ingest.SourceListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Shows what enrich makes of one article, without Kafka. Files are read by ingest's own readers, so
 * the article analysed here is exactly the one the pipeline would receive from the same file.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Print the enrichment of one article (.txt, .html/.htm, or .json holding one JSON article) as JSON.")
public final class AnalyzeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Parameters(paramLabel = "FILE", description = "The article file.")
  Path file;

  private final PrintStream out;
  private final PrintStream err;

  public AnalyzeCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".txt") && !name.endsWith(".html") && !name.endsWith(".htm") && !name.endsWith(".json")) {
      throw new UsageProblem(file + ": unknown file type; expected .txt, .html, .htm or .json");
    }
    OneArticle read = name.endsWith(".json") ? readJson() : readWithIngest();
    if (read.rejection != null) {
      err.println("error: " + read.rejection.describe());
      return ExitCodes.REJECTED_INPUT;
    }
    IncomingArticle article = read.articles.get(0);
    Analysis analysis;
    try {
      analysis = new ArticleAnalyzer().analyze(article.title(), article.body(), article.isHtml());
    } catch (IllegalArgumentException e) {
      err.println("error: " + file + ": " + e.getMessage());
      return ExitCodes.REJECTED_INPUT;
    }
    out.println(JSON.writeValueAsString(toJson(article, analysis)));
    return ExitCodes.OK;
  }

  private OneArticle readWithIngest() {
    OneArticle read = new OneArticle();
    new ArticleFiles().read(file, read);
    return read;
  }

  /** A single JSON article, read with the same field rules as a line of a .jsonl file. */
  private OneArticle readJson() {
    OneArticle read = new OneArticle();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      read.rejection = Files.exists(file)
          ? new Rejection(file.toString(), RejectionReason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), null)
          : new Rejection(file.toString(), RejectionReason.NOT_FOUND, "no such file or directory", null);
      return read;
    }
    try {
      read.article(ArticleJson.toArticle(ArticleJson.parse(bytes), "local", file.toString()));
    } catch (ArticleJson.InvalidArticle e) {
      read.rejection = new Rejection(file.toString(), e.reason(), e.getMessage(), bytes);
    }
    return read;
  }

  private static ObjectNode toJson(IncomingArticle article, Analysis analysis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("title", analysis.title());
    root.put("cleanText", analysis.cleanText());
    // as enrich does: a language the source declares wins over the detected one
    root.put("language", article.language() != null && !article.language().isBlank()
        ? article.language() : analysis.language());
    root.put("wordCount", analysis.wordCount());
    ArrayNode entities = root.putArray("entities");
    for (NamedEntity e : analysis.entities()) {
      ObjectNode entity = entities.addObject();
      entity.put("name", e.name());
      entity.put("type", e.kind().name());
      ArrayNode forms = entity.putArray("surfaceForms");
      e.surfaceForms().forEach(forms::add);
      entity.put("mentions", e.mentions());
      entity.put("salience", e.salience());
    }
    root.put("contentHash", analysis.contentHash());
    root.put("simHash", HexFormat.of().toHexDigits(analysis.simHash()));
    root.put("minHashLength", analysis.minHash().length);
    ArrayNode bands = root.putArray("lshBands");
    analysis.lshBands().forEach(bands::add);
    ArrayNode terms = root.putArray("topTerms");
    for (Term t : analysis.topTerms()) {
      terms.addObject().put("term", t.term()).put("weight", t.weight());
    }
    ArrayNode details = root.putArray("detailTerms");
    for (Term t : analysis.detailTerms()) {
      details.addObject().put("term", t.term()).put("weight", t.weight());
    }
    return root;
  }

  /** Collects what a reader produced; a single-article file yields one article or one rejection. */
  private static final class OneArticle implements SourceListener {
    final List<IncomingArticle> articles = new ArrayList<>();
    Rejection rejection;

    @Override
    public void article(IncomingArticle article) {
      articles.add(article);
    }

    @Override
    public void rejected(Rejection rejection) {
      if (this.rejection == null) {
        this.rejection = rejection;
      }
    }
  }
}
