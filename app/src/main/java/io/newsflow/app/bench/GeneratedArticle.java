package io.newsflow.app.bench;

import io.newsflow.ingest.IncomingArticle;

/**
 * One article of a generated corpus, with the truth it was generated from.
 *
 * @param article what ingest reads
 * @param story   index of the story it reports (0, 1, ... in order of first report)
 * @param copyOf  guid of the article it syndicates (exactly or with small edits), or null for an original report
 */
public record GeneratedArticle(IncomingArticle article, int story, String copyOf) {}
