package io.newsflow.enrich.text.entities.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

  private static List<ConllCorpus.Document> read(String text) throws IOException {
    return ConllCorpus.read(new BufferedReader(new StringReader(text)), "test");
  }

  @Test
  void readsConll2003DocumentsAndSentences() throws IOException {
    List<ConllCorpus.Document> docs = read("""
        -DOCSTART- -X- O O

        CRICKET NNP I-NP O
        - : O O
        LEICESTERSHIRE NNP I-NP I-ORG

        LONDON NNP I-NP I-LOC
        1996-08-30 CD I-NP O

        -DOCSTART- -X- O O

        1 CD I-NP O
        Ekeus NNP I-NP I-PER
        """);
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).sentences()).hasSize(2);
    assertThat(docs.get(0).sentences().get(0).tokens()).containsExactly("CRICKET", "-", "LEICESTERSHIRE");
    assertThat(docs.get(0).sentences().get(0).tags()).containsExactly("O", "O", "I-ORG");
    assertThat(docs.get(1).sentences().get(0).tokens()).containsExactly("1", "Ekeus");
  }

  @Test
  void readsUnerLayoutWithIndexAndAnnotatorColumns() throws IOException {
    List<ConllCorpus.Document> docs = read("""
        # newdoc id = weblog-1
        # sent_id = weblog-1-0001
        # text = Bush met Kim
        1\tBush\tB-PER\t-\tstephen
        2\tmet\tO\t-\t-
        3\tKim\tB-PER\t-\tstephen

        # newdoc id = weblog-2
        # sent_id = weblog-2-0001
        1\tTampa\tB-LOC\t-\tblvns
        """);
    assertThat(docs).hasSize(2);
    assertThat(docs.get(0).sentences().get(0).tokens()).containsExactly("Bush", "met", "Kim");
    assertThat(docs.get(0).sentences().get(0).tags()).containsExactly("B-PER", "O", "B-PER");
  }

  @Test
  void readsGmbLayoutAsOneDocument() throws IOException {
    List<ConllCorpus.Document> docs = read("""
        # sent_id = 1
        Thousands\tNNS\tO
        of\tIN\tO
        London\tNNP\tB-geo

        # sent_id = 2
        #\t#\tO
        """);
    assertThat(docs).hasSize(1);
    assertThat(docs.get(0).sentences()).hasSize(2);
    assertThat(docs.get(0).sentences().get(1).tokens()).containsExactly("#");
  }

  @Test
  void rejectsALineWithoutATag() {
    assertThatThrownBy(() -> read("word NN\n")).isInstanceOf(IOException.class).hasMessageContaining("test:1");
  }
}
