package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public topics carry a codec every stock client reads; the pipeline's own keep what its producers send (ADR 33). */
class TopicsCompressionTest {
  private static final TopicNames NAMES = TopicNames.defaults();

  @Test
  void publicTopicsAreGzipByDefaultAndInternalOnesAsProduced() {
    Topics topics = new Topics(NAMES, 2, Topics.publicCompression(Map.of()), new InMemorySchemaRegistry());

    assertThat(topics.published()).extracting(Topic::name).containsExactly(NAMES.raw(), NAMES.enriched(),
        NAMES.storyEvents(), NAMES.storySnapshots(), NAMES.assignments(), NAMES.deadLetter());
    assertThat(topics.published()).allSatisfy(t -> assertThat(t.configs()).containsEntry("compression.type", "gzip"));
    assertThat(topics.all()).filteredOn(t -> !topics.published().contains(t)).hasSize(2)
        .allSatisfy(t -> assertThat(t.configs()).containsEntry("compression.type", "producer"));
    assertThat(topics.storySnapshots().configs()).containsEntry("cleanup.policy", "compact");
    assertThat(topics.raw().configs()).containsEntry("retention.ms", "-1");
  }

  @Test
  void theSettingChoosesThePublicCodec() {
    String codec = Topics.publicCompression(Map.of(Topics.PUBLIC_COMPRESSION, "uncompressed"));
    Topics topics = new Topics(NAMES, 1, codec, new InMemorySchemaRegistry());

    assertThat(topics.published()).allSatisfy(t -> assertThat(t.configs()).containsEntry("compression.type", "uncompressed"));
    assertThat(topics.ingestState().configs()).containsEntry("compression.type", "producer");
  }

  @Test
  void anUnknownCodecIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> Topics.publicCompression(Map.of(Topics.PUBLIC_COMPRESSION, "none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic.public.compression").hasMessageContaining("uncompressed").hasMessageContaining("'none'");
  }
}
