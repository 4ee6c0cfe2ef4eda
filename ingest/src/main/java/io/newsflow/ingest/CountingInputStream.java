package io.newsflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells the listener how many bytes of a file were consumed, for load progress; passes them on unchanged. */
final class CountingInputStream extends FilterInputStream {
  private final SourceListener listener;

  CountingInputStream(InputStream in, SourceListener listener) {
    super(in);
    this.listener = listener;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      listener.bytesRead(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      listener.bytesRead(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    listener.bytesRead(skipped);
    return skipped;
  }
}
