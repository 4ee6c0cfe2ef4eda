package io.newsflow.schemas.serde;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro only instantiates classes it trusts (a guard against deserialization gadgets), and reads its
 * {@code SERIALIZABLE_PACKAGES} property only once, when the first generated class loads. Adding our
 * package to the global validator instead works whatever ran first.
 */
final class TrustedPackages {
  private static final Set<String> TRUSTED = new HashSet<>();

  private TrustedPackages() {}

  static synchronized void trust(String pkg) {
    if (TRUSTED.add(pkg)) {
      String prefix = pkg + ".";
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
          ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith(prefix)));
    }
  }
}
