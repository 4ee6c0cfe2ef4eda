package io.newsflow.ingest;

import java.nio.file.Path;

/** Reads one file of one type into articles and rejections. Never throws for bad input. */
public interface FileSource {
  void read(Path file, SourceListener out);
}
