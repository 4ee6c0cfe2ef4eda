package io.newsflow.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** What the file sources derive from a file's name and place. */
final class LocalFiles {
  private LocalFiles() {}

  /**
   * Source of a loose file: the name of the folder it sits in (e.g. {@code bbc/2024-03-01.txt}
   * comes from "bbc"), since a folder per outlet is how such collections are laid out.
   */
  static String folderSource(Path file) {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null || parent.getFileName() == null ? "local" : parent.getFileName().toString();
  }

  /** File name without {@code extension} (matched case-insensitively), e.g. "001" for "001.txt". */
  static String stem(Path file, String extension) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
  }

  static String origin(Path file, long line) {
    return file + ":" + line;
  }

  /** A one-line description of an I/O failure, without the stack trace noise. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
