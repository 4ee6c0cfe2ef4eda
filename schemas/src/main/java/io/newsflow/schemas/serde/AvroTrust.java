package io.newsflow.schemas.serde;

import java.util.HashSet;
import java.util.Set;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro only instantiates classes it trusts (a guard against deserialization gadgets), and reads its
 * {@code SERIALIZABLE_PACKAGES} property only once, when the first generated class loads. Adding our
 * package to the global validator instead works whatever ran first.
 */
public final class AvroTrust {
  /** The package of the generated schema classes. */
  public static final String GENERATED_PACKAGE = "io.newsflow.schemas.avro";

  private static final Set<String> TRUSTED = new HashSet<>();

  private AvroTrust() {}

  /** Lets Avro instantiate the generated classes; call before building or reading any of them without a serde. */
  public static void trustGeneratedClasses() {
    trust(GENERATED_PACKAGE);
  }

  public static synchronized void trust(String pkg) {
    if (TRUSTED.add(pkg)) {
      String prefix = pkg + ".";
      ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
          ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith(prefix)));
    }
  }
}
