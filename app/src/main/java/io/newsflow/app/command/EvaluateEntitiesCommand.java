package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.entities.training.ConllCorpus;
import io.newsflow.enrich.text.entities.training.EntityEvaluation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Scores the entity recogniser on a tagged corpus (CoNLL-2003, UNER) with conlleval's span rules.
 * The text is read as articles are, one document per article, so the score covers what enrich does.
 */
@Command(name = "evaluate-entities", mixinStandardHelpOptions = true,
    description = "Entity-level precision, recall and F1 (PER, ORG, LOC; exact spans) of the recogniser on a "
        + "CoNLL-2003 or UNER file (IOB1 or IOB2, .gz allowed). Ends with the line 'f1: X'.")
public final class EvaluateEntitiesCommand implements Callable<Integer> {

  /** Which recogniser to score. */
  enum Recognizer { DEFAULT, RULES }

  @Option(names = "--conll", required = true, paramLabel = "PATH", description = "The tagged file to score against.")
  Path conll;

  @Option(names = "--recognizer", paramLabel = "KIND", defaultValue = "DEFAULT",
      description = "DEFAULT (what enrich runs: rules plus the trained tagger) or RULES (the rules alone, "
          + "for comparison); default ${DEFAULT-VALUE}.")
  Recognizer recognizer;

  @Option(names = "--passes", paramLabel = "N", defaultValue = "2",
      description = "Passes over the file; all but the last warm up the JIT, the last is timed. Default ${DEFAULT-VALUE}.")
  int passes;

  private final PrintStream out;

  public EvaluateEntitiesCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(conll)) {
      throw new UsageProblem("--conll: no such file: " + conll);
    }
    if (passes < 1) {
      throw new UsageProblem("--passes must be at least 1");
    }
    List<ConllCorpus.Document> documents = ConllCorpus.read(conll);
    EntityRecognizer chosen = recognizer == Recognizer.RULES ? EntityRecognizer.ruleBased() : new EntityRecognizer();
    EntityEvaluation.Result result = null;
    for (int pass = 0; pass < passes; pass++) {
      result = EntityEvaluation.evaluate(chosen, documents);
    }
    out.printf(Locale.ROOT, "%s: %d documents, %d tokens, recogniser %s%n", conll, documents.size(),
        result.tokens(), recognizer.name().toLowerCase(Locale.ROOT));
    out.printf(Locale.ROOT,
        "speed: %.0f tokens/s, %.0f tokens per CPU-second (one thread, pass %d of %d, recognition only)%n",
        result.tokensPerSecond(), result.tokensPerCpuSecond(), passes, passes);
    out.print(result.scores().report());
    return ExitCodes.OK;
  }
}
