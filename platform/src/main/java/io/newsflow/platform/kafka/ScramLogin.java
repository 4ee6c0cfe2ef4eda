package io.newsflow.platform.kafka;

import java.util.Map;

/**
 * A SASL/SCRAM-SHA-512 user name and password, and the client settings that log in with them.
 * {@link #toString()} never shows the password.
 */
public record ScramLogin(String user, String password) {
  public static final String MECHANISM = "SCRAM-SHA-512";

  public ScramLogin {
    // Both are written between quotes into a JAAS line, where a quote or backslash would change its meaning.
    for (String value : new String[] {user, password}) {
      if (value == null || value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
        throw new IllegalArgumentException("SCRAM user names and passwords must be non-empty, without quotes or backslashes");
      }
    }
  }

  /** {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} for a Kafka client. */
  public Map<String, String> clientSettings() {
    return Map.of(
        "security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", MECHANISM,
        "sasl.jaas.config", jaasConfig());
  }

  public String jaasConfig() {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
        + "\" password=\"" + password + "\";";
  }

  /** {@code User:<name>}, as ACLs and {@code super.users} name it. */
  public String principal() {
    return "User:" + user;
  }

  @Override
  public String toString() {
    return "ScramLogin[" + user + "]";
  }
}
