package io.newsflow.app;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything every logger writes at INFO and above while open (Kafka's own included, which the shipped
 * configuration keeps at WARN), with stack traces, to search for what must never be logged.
 */
final class CapturedLog implements AutoCloseable {
  private static final String NAME = "captured-log";

  private final StringWriter out = new StringWriter();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final WriterAppender appender;

  private CapturedLog() {
    appender = WriterAppender.newBuilder().setName(NAME).setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%c %p %m%n%throwable").build()).build();
    appender.start();
    Configuration config = context.getConfiguration();
    config.addAppender(appender);
    List<LoggerConfig> loggers = new ArrayList<>(config.getLoggers().values());
    loggers.add(config.getRootLogger());
    for (LoggerConfig logger : loggers) {
      // The configured appenders (stderr) keep showing only warnings: the INFO lines are for the search.
      for (Map.Entry<String, Appender> existing : Map.copyOf(logger.getAppenders()).entrySet()) {
        logger.removeAppender(existing.getKey());
        logger.addAppender(existing.getValue(), Level.WARN, null);
      }
      logger.addAppender(appender, Level.INFO, null);
    }
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.INFO);
  }

  static CapturedLog start() {
    return new CapturedLog();
  }

  synchronized String text() {
    return out.toString();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    for (LoggerConfig logger : config.getLoggers().values()) {
      logger.removeAppender(NAME);
    }
    config.getRootLogger().removeAppender(NAME);
    appender.stop();
    context.reconfigure();
  }
}
