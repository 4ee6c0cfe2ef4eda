package io.newsflow.ingest.feed;

import java.net.URI;

/**
 * The answer to one fetch.
 *
 * @param url         where the body came from, after redirects
 * @param notModified true for a 304: the version held is still current, {@code body} is empty
 * @param body        the bytes as received (not decoded)
 * @param contentType the {@code Content-Type} header, or null
 * @param validators  the validators to send on the next fetch of the same URL
 */
public record Fetched(URI url, boolean notModified, byte[] body, String contentType, Validators validators) {
  private static final byte[] NOTHING = new byte[0];

  static Fetched notModified(URI url, Validators validators) {
    return new Fetched(url, true, NOTHING, null, validators);
  }
}
