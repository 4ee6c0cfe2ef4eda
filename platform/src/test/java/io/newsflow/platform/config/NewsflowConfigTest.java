package io.newsflow.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewsflowConfigTest {
  @Test
  void flagsOverrideEnvironmentWhichOverridesDefaultsAndEnvironmentNamesReachHyphenatedKeys() {
    NewsflowConfig config = NewsflowConfig.load(Optional.empty(),
        Map.of("NEWSFLOW_TOPIC_PARTITIONS", "4", "NEWSFLOW_INGEST_FEEDS_ALLOW_PRIVATE_ADDRESSES", "true"),
        Map.of("topic.partitions", "6"));

    assertThat(config.getInt("topic.partitions")).isEqualTo(6);
    assertThat(config.getBoolean("ingest.feeds.allow-private-addresses", false)).isTrue();
  }

  @Test
  void producersUseThePublicTopicsCodecUnlessToldOtherwise() {
    NewsflowConfig defaults = NewsflowConfig.defaults();

    assertThat(defaults.producerCompression()).isEqualTo("gzip");
    assertThat(defaults.with("topic.public.compression", "zstd").producerCompression()).isEqualTo("zstd");
    assertThat(defaults.with("topic.public.compression", "uncompressed").producerCompression()).isEqualTo("none");
    assertThat(defaults.with("producer.compression", "lz4").producerCompression()).isEqualTo("lz4");
    assertThatThrownBy(() -> defaults.with("topic.public.compression", "brotli").producerCompression())
        .isInstanceOf(ConfigException.class).hasMessageContaining("topic.public.compression");
  }

  @Test
  void gzipProducersCompressAtLevelOneUnlessToldOtherwiseAndOtherCodecsKeepKafkasLevel() {
    NewsflowConfig defaults = NewsflowConfig.defaults();

    assertThat(defaults.producerCompressionSettings())
        .isEqualTo(Map.of("compression.type", "gzip", "compression.gzip.level", "1"));
    assertThat(defaults.with("producer.compression.level", "6").producerCompressionSettings())
        .containsEntry("compression.gzip.level", "6");
    assertThat(defaults.with("topic.public.compression", "zstd").producerCompressionSettings())
        .isEqualTo(Map.of("compression.type", "zstd"));
    assertThat(defaults.with("producer.compression", "lz4").with("producer.compression.level", "9")
        .producerCompressionSettings()).isEqualTo(Map.of("compression.type", "lz4", "compression.lz4.level", "9"));
    assertThatThrownBy(() -> defaults.with("topic.public.compression", "uncompressed")
        .with("producer.compression.level", "3").producerCompressionSettings())
        .isInstanceOf(ConfigException.class).hasMessageContaining("producer.compression.level");
    assertThatThrownBy(() -> defaults.with("producer.compression.level", "10").producerCompressionSettings())
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting producer.compression.level must be a gzip level from 1 to 9, got '10'");
  }

  @Test
  void booleansAreStrict() {
    NewsflowConfig config = NewsflowConfig.defaults().with("x.enabled", " FALSE ").with("y.enabled", "yes");

    assertThat(config.getBoolean("x.enabled", true)).isFalse();
    assertThat(config.getBoolean("absent", true)).isTrue();
    assertThatThrownBy(() -> config.getBoolean("y.enabled", false))
        .isInstanceOf(ConfigException.class).hasMessage("setting y.enabled must be true or false, got 'yes'");
  }

  @Test
  void describeShowsSettingsButMasksEverySecret() {
    NewsflowConfig config = NewsflowConfig.defaults()
        .with("bootstrap.servers", "broker:9092")
        .with("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"jaas-pw\";")
        .with("ssl.keystore.password", "keystore-pw")
        .with("ssl.keystore.key", "-----BEGIN PRIVATE KEY----- pem-key")
        .with("schema.registry.basic.auth.user.info", "user:registry-pw")
        .with("ingest.push.token", "push-token")
        .with("kafka.sasl.client.callback.handler.class", "com.example.Handler");

    String shown = config.describe();

    assertThat(shown).contains("bootstrap.servers=broker:9092", "sasl.jaas.config=[hidden]",
        "kafka.sasl.client.callback.handler.class=com.example.Handler");
    assertThat(shown).doesNotContain("jaas-pw", "keystore-pw", "pem-key", "registry-pw", "push-token");
  }
}
