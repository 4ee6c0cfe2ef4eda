package io.newsflow.app;

import io.newsflow.app.command.AnalyzeCommand;
import io.newsflow.app.command.BenchCommand;
import io.newsflow.app.command.CompareCommand;
import io.newsflow.app.command.EvaluateCommand;
import io.newsflow.app.command.EvaluateEntitiesCommand;
import io.newsflow.app.command.FitCommand;
import io.newsflow.app.command.GenerateCommand;
import io.newsflow.app.command.ReplayCommand;
import io.newsflow.app.command.ReprocessCommand;
import io.newsflow.app.command.RunCommand;
import io.newsflow.app.command.ServiceCommands;
import io.newsflow.app.command.StatusCommand;
import io.newsflow.app.command.IdfPriorCommand;
import io.newsflow.app.command.TrainEntitiesCommand;
import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.streams.DeadLetters;
import io.newsflow.schemas.serde.AvroTrust;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code newsflow} command line. */
@Command(name = "newsflow", mixinStandardHelpOptions = true, version = "newsflow 0.1.0",
    description = "News articles in, per-story event streams out, on Apache Kafka.")
public final class Newsflow {

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Runs the command line and returns its exit code; nothing here calls System.exit. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    AvroTrust.trustGeneratedClasses();
    CommandLine cli = new CommandLine(new Newsflow())
        .addSubcommand(new RunCommand(out, err))
        .addSubcommand(new ServiceCommands.Ingest(err))
        .addSubcommand(new ServiceCommands.Enrich(err))
        .addSubcommand(new ServiceCommands.Aggregate(err))
        .addSubcommand(new ReplayCommand(err))
        .addSubcommand(new ReprocessCommand(err))
        .addSubcommand(new CompareCommand(out))
        .addSubcommand(new StatusCommand(out))
        .addSubcommand(new EvaluateCommand(out, err))
        .addSubcommand(new FitCommand(out))
        .addSubcommand(new EvaluateEntitiesCommand(out))
        .addSubcommand(new AnalyzeCommand(out, err))
        .addSubcommand(new TrainEntitiesCommand(err))
        .addSubcommand(new IdfPriorCommand(err))
        .addSubcommand(new BenchCommand(out, err))
        .addSubcommand(new GenerateCommand(err));
    cli.setOut(new java.io.PrintWriter(out, true));
    cli.setErr(new java.io.PrintWriter(err, true));
    cli.setExitCodeExceptionMapper(e -> e instanceof UsageProblem || e instanceof ConfigException
        || e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILED);
    // One line, like every other usage problem; the full usage is one --help away.
    cli.setParameterExceptionHandler((e, ignoredArgs) -> {
      err.println("error: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      err.println("error: " + DeadLetters.oneLine(e));
      if (!(e instanceof UsageProblem || e instanceof ConfigException)) {
        LoggerFactory.getLogger(Newsflow.class).debug("command failed", e);
      }
      return commandLine.getExitCodeExceptionMapper().getExitCode(e);
    });
    return cli.execute(args);
  }
}
