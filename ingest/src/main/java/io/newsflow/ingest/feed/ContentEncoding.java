package io.newsflow.ingest.feed;

import io.newsflow.ingest.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Undoes the {@code Content-Encoding} of a response. Only gzip is asked for (feeds shrink to a fifth,
 * and they are fetched again and again); it is unpacked under the same byte limit as the body,
 * so a small response that unpacks to gigabytes (a gzip bomb) is stopped at the limit.
 */
final class ContentEncoding {
  static final String ACCEPTED = "gzip";

  private ContentEncoding() {}

  static byte[] decode(byte[] body, String encoding, long limit, String url) throws FetchException {
    String name = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.equals("identity")) {
      return body;
    }
    if (!name.equals("gzip") && !name.equals("x-gzip")) {
      throw new FetchException(RejectionReason.HTTP_ERROR, url + ": unrequested Content-Encoding '" + encoding + "'");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, body.length * 4L));
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() + (long) n > limit) {
          throw new FetchException(RejectionReason.TOO_LARGE,
              url + ": response unpacks to more than the limit of " + limit + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException(RejectionReason.HTTP_ERROR, url + ": body is not valid gzip: " + e.getMessage());
    }
  }
}
