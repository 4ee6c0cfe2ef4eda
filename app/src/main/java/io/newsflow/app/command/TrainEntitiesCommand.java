package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.enrich.text.entities.training.EntityTaggerTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Reproduces the shipped entity tagger model from the GMB corpus: same data, seed and settings, same file. */
@Command(name = "train-entities", mixinStandardHelpOptions = true,
    description = "Trains the entity tagger on the GMB extract (gmb_ner_dataset.conll.gz) and writes the model.")
public final class TrainEntitiesCommand implements Callable<Integer> {

  private static final EntityTaggerTrainer.Settings DEFAULTS = EntityTaggerTrainer.Settings.defaults();

  @Option(names = "--data", required = true, paramLabel = "PATH",
      description = "The GMB extract in CoNLL form (token, POS, IOB2 tag), gzipped or not.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Model file to write; the shipped one is "
          + "enrich/src/main/resources/io/newsflow/enrich/text/entities/entity-tagger.bin.gz.")
  Path out;

  @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default 6).")
  Integer epochs;

  @Option(names = "--seed", paramLabel = "N", description = "Shuffling and augmentation seed (default 20261122).")
  Long seed;

  private final PrintStream err;

  public TrainEntitiesCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new UsageProblem("--data: no such file: " + data);
    }
    EntityTaggerTrainer.Settings settings = new EntityTaggerTrainer.Settings(
        epochs == null ? DEFAULTS.epochs() : epochs, seed == null ? DEFAULTS.seed() : seed,
        DEFAULTS.bucketBits(), DEFAULTS.capitalsShare(), DEFAULTS.unseenNameShare());
    String summary = new EntityTaggerTrainer(settings).trainAndWrite(data, out, err);
    err.println("train-entities: " + summary);
    return ExitCodes.OK;
  }
}
