package io.newsflow.ingest;

/** Why ingest refused some input; {@link #code()} is the dead letter's machine-readable reason. */
public enum RejectionReason {
  /** The path given does not exist. */
  NOT_FOUND("not-found"),
  /** The file exists but cannot be read (permissions, corrupt archive, I/O error). */
  UNREADABLE("unreadable"),
  /** A file given explicitly whose type ingest does not know. */
  UNSUPPORTED_TYPE("unsupported-type"),
  /** Bytes that are not valid in the input's encoding (strict: nothing is replaced). */
  NOT_UTF8("not-utf8"),
  /** A JSON Lines line that is not a JSON object. */
  INVALID_JSON("invalid-json"),
  /** A required field (title, body, id or url) is absent. */
  MISSING_FIELD("missing-field"),
  /** A field is present but of the wrong type. */
  INVALID_FIELD("invalid-field"),
  /** A publication date that is not ISO-8601 (or RFC 1123). */
  INVALID_DATE("invalid-date"),
  /** An article without a publication time, which a replay cannot place in time order. */
  NO_DATE("no-date"),
  /** A headline but no text. */
  EMPTY_BODY("empty-body"),
  /** A document with no body element at all (Reuters SGML: headline-only briefs, unprocessed tables). */
  NO_BODY("no-body"),
  /** A single line, or a fetched feed or page, larger than ingest is willing to hold in memory. */
  TOO_LARGE("too-large"),
  /** A feed that is not well-formed XML, or not RSS or Atom. */
  MALFORMED_FEED("malformed-feed"),
  /** A feed or page server that answered with an error status, or redirected too often. */
  HTTP_ERROR("http-error"),
  /** A feed or page server that could not be reached or did not answer in time. */
  UNREACHABLE("unreachable"),
  /** A link to fetch that is not an absolute http or https URL (file:, ftp:, ...). */
  UNSUPPORTED_URL("unsupported-url"),
  /** A link whose host resolves to a loopback, private or link-local address, refused by default (SSRF). */
  FORBIDDEN_ADDRESS("forbidden-address");

  private final String code;

  RejectionReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return code;
  }
}
