package io.newsflow.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles under a path: a single file, or a folder walked recursively. The file type is chosen
 * by extension: {@code .txt}, {@code .html}/{@code .htm}, {@code .jsonl}, {@code .jsonl.gz},
 * {@code .sgm} (Reuters-21578 SGML).
 *
 * <p>Order is deterministic, so two runs over the same input publish in the same order: depth
 * first, each folder's entries sorted by name. Inside folders, files of other types are skipped
 * (logged at debug: collections carry READMEs and licences); a file named explicitly with an
 * unknown type is rejected, since the user clearly meant it. Symbolic links to folders are not
 * followed (they could form cycles); links to files are.
 */
public final class ArticleFiles {
  private static final Logger LOG = LoggerFactory.getLogger(ArticleFiles.class);

  /** Lower-case extension, with its dot, to the source that reads it. */
  private final Map<String, FileSource> sourcesByExtension;

  public ArticleFiles() {
    this(new TextFileSource(), new HtmlFileSource(), new JsonLinesSource(), new ReutersSgmlSource());
  }

  ArticleFiles(FileSource text, FileSource html, FileSource jsonLines, FileSource reutersSgml) {
    this.sourcesByExtension = Map.of(".txt", text, ".html", html, ".htm", html, ".jsonl", jsonLines,
        ".jsonl.gz", jsonLines, ".sgm", reutersSgml);
  }

  /** Reads everything under {@code path} into {@code out}; bad input becomes rejections, never exceptions. */
  public void read(Path path, SourceListener out) {
    if (!Files.exists(path)) {
      out.rejected(new Rejection(path.toString(), RejectionReason.NOT_FOUND, "no such file or directory", null));
    } else if (Files.isDirectory(path)) {
      walk(path, out);
    } else {
      FileSource source = sourceFor(path);
      if (source == null) {
        out.rejected(new Rejection(path.toString(), RejectionReason.UNSUPPORTED_TYPE,
            "unknown file type; expected .txt, .html, .htm, .jsonl, .jsonl.gz or .sgm", null));
      } else {
        source.read(path, out);
      }
    }
  }

  /** The articles under {@code path} that load, in reading order; what does not load is left out. */
  public List<IncomingArticle> articles(Path path) {
    List<IncomingArticle> articles = new ArrayList<>();
    read(path, new SourceListener() {
      @Override
      public void article(IncomingArticle article) {
        articles.add(article);
      }

      @Override
      public void rejected(Rejection rejection) {
        // Left out: the caller wants what loads, as a corpus.
      }
    });
    return articles;
  }

  /**
   * How many bytes reading {@code paths} will consume: the sizes of the files it would read. For
   * progress only, so a file that cannot be listed or sized counts as empty.
   */
  public long bytesToRead(List<Path> paths) {
    long total = 0;
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> tree = Files.walk(path)) {
          total += tree.filter(p -> sourceFor(p) != null && Files.isRegularFile(p)).mapToLong(ArticleFiles::size).sum();
        } catch (IOException | UncheckedIOException e) {
          LOG.debug("cannot size {}: {}", path, e.toString());
        }
      } else if (Files.isRegularFile(path)) {
        total += size(path);
      }
    }
    return total;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private void walk(Path folder, SourceListener out) {
    List<Path> entries;
    try (Stream<Path> listing = Files.list(folder)) {
      entries = listing.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      out.rejected(new Rejection(folder.toString(), RejectionReason.UNREADABLE, LocalFiles.describe(e), null));
      return;
    }
    for (Path entry : entries) {
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        walk(entry, out);
        continue;
      }
      FileSource source = sourceFor(entry);
      if (source != null && Files.isRegularFile(entry)) {
        source.read(entry, out);
      } else {
        LOG.debug("skipping {}: not an article file", entry);
      }
    }
  }

  private FileSource sourceFor(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    // ".jsonl.gz" must win over any shorter extension; no other extension is a suffix of another.
    if (name.endsWith(".jsonl.gz")) {
      return sourcesByExtension.get(".jsonl.gz");
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : sourcesByExtension.get(name.substring(dot));
  }
}
