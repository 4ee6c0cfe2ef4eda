package io.newsflow.schemas.serde;

/**
 * Avro only instantiates classes from packages listed in {@code org.apache.avro.SERIALIZABLE_PACKAGES}
 * (a guard against deserialization gadgets); our generated classes must be on that list.
 */
final class TrustedPackages {
  private static final String PROPERTY = "org.apache.avro.SERIALIZABLE_PACKAGES";

  private TrustedPackages() {}

  static synchronized void trust(String pkg) {
    String current = System.getProperty(PROPERTY);
    if (current == null || current.isBlank()) {
      System.setProperty(PROPERTY, pkg);
    } else if (!(("," + current + ",").contains("," + pkg + ","))) {
      System.setProperty(PROPERTY, current + "," + pkg);
    }
  }
}
