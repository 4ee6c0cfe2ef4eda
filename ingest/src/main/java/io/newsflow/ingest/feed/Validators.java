package io.newsflow.ingest.feed;

/**
 * What a server said identifies the version it sent, sent back on the next poll so that an
 * unchanged feed costs a 304 and no parsing.
 *
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header as sent (servers compare it verbatim), or null
 */
public record Validators(String etag, String lastModified) {
  public static final Validators NONE = new Validators(null, null);
}
