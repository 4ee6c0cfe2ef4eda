package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleFilesTest {
  @TempDir
  Path dir;

  private final ArticleFiles files = new ArticleFiles();
  private final Collected out = new Collected();

  @Test
  void walksFoldersDepthFirstInNameOrderWhateverTheCreationOrder() throws IOException {
    write("b/2.txt", "B2\nbody");
    write("a/z.txt", "AZ\nbody");
    write("b/1.txt", "B1\nbody");
    write("a/sub/x.html", "<title>ASUBX</title><p>body</p>");
    write("a/m.jsonl", "{\"id\":\"1\",\"title\":\"AM1\",\"body\":\"b\"}\n{\"id\":\"2\",\"title\":\"AM2\",\"body\":\"b\"}");
    write("c.TXT", "C\nbody");

    files.read(dir, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.titles()).containsExactly("AM1", "AM2", "ASUBX", "AZ", "B1", "B2", "C");
  }

  @Test
  void otherFilesInFoldersAreSkippedQuietly() throws IOException {
    write("bbc/001.txt", "Headline\nbody");
    write("bbc/notes.md", "# not an article");
    write("bbc/data.csv", "a,b");
    write("bbc/no-extension", "x");
    write("bbc/archive.json", "{}");

    files.read(dir, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.titles()).containsExactly("Headline");
  }

  @Test
  void singleFileIsReadWhateverItsFolder() throws IOException {
    Path file = write("reuters/2024/03/wire-17.txt", "Headline\nbody");

    files.read(file, out);

    assertThat(out.articles).singleElement().satisfies(a -> {
      assertThat(a.source()).as("source is the parent folder").isEqualTo("03");
      assertThat(a.guid()).isEqualTo("wire-17");
    });
  }

  @Test
  void missingPathIsRejectedWithThePathAsOrigin() {
    Path missing = dir.resolve("nope");

    files.read(missing, out);

    assertThat(out.rejectionLines()).containsExactly(missing + ": not-found: no such file or directory");
  }

  @Test
  void explicitlyNamedFileOfUnknownTypeIsRejected() throws IOException {
    Path file = write("notes.md", "# hello");

    files.read(file, out);

    assertThat(out.articles).isEmpty();
    assertThat(out.rejectionLines()).containsExactly(
        file + ": unsupported-type: unknown file type; expected .txt, .html, .htm, .jsonl, .jsonl.gz or .sgm");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
