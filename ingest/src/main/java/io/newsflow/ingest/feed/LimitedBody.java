package io.newsflow.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte limit and cancels the exchange as soon as it is passed, so
 * that an endless or huge response costs at most the limit in memory and bandwidth. A declared
 * {@code Content-Length} over the limit cancels before any byte is read.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** The body passed the limit; carries the limit for the message. */
  static final class TooLargeException extends IOException {
    TooLargeException(long limit, String how) {
      super(how + " more than the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private final long declaredLength;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  /** @param declaredLength the {@code Content-Length}, or -1 when the server did not say */
  LimitedBody(long limit, long declaredLength) {
    this.limit = limit;
    this.declaredLength = declaredLength;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declaredLength > limit) {
      s.cancel();
      result.completeExceptionally(new TooLargeException(limit, "declared " + declaredLength + " bytes,"));
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (bytes.size() + (long) buffer.remaining() > limit) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(limit, "sent"));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    result.complete(bytes.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
