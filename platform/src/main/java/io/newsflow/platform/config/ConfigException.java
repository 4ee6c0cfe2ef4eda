package io.newsflow.platform.config;

/** A setting is missing or malformed; the message names the setting and is shown to the user as is. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
