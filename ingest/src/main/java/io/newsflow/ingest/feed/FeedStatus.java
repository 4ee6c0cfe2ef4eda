package io.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one feed's polling, for status pages and metrics. Counts are since the poller started.
 *
 * @param source              the feed's source name
 * @param url                 the feed's URL
 * @param polls               polls attempted
 * @param notModified         polls answered 304: nothing new
 * @param errors              polls that failed (unreachable, error status, too large, malformed)
 * @param articles            articles handed on
 * @param rejections          items or documents rejected
 * @param unchangedItems      items skipped because the previous poll already handed them on unchanged
 * @param pageFailures        article pages that could not be fetched (the feed's summary was kept)
 * @param consecutiveFailures failures since the last success; drives the backoff
 * @param retryDelay          the wait before the next poll: the interval, or the backoff after failures
 * @param lastPollAt          when the last poll finished, or null before the first
 * @param nextPollAt          when the next poll is due, or null before the first poll finished
 * @param lastError           the last failure, {@code reason: message}, or null
 * @param validators          the ETag and Last-Modified the next poll will send
 */
public record FeedStatus(String source, URI url, long polls, long notModified, long errors, long articles,
                         long rejections, long unchangedItems, long pageFailures, int consecutiveFailures,
                         Duration retryDelay, Instant lastPollAt, Instant nextPollAt, String lastError,
                         Validators validators) {
}
