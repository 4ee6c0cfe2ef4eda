package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class StoryBookShallowCopyTest {

  @Test
  void carriesEveryFieldOfTheSnapshotAsTheSameObject() {
    Instant t = Instant.parse("2024-03-01T08:00:00Z");
    StorySnapshot original = new StorySnapshot("s-1", "Quake hits coast", StoryStatus.CLOSED, "en", t, t.plusSeconds(60),
        7L, List.of(new StoryArticle("a-1", "wire", "Quake hits coast", "https://wire.example/1", t, ArticleRole.NEW_REPORT)),
        List.of("wire"), List.of(new EntityRef("Chile", EntityType.LOCATION, 3)), "s-0", 12);

    StorySnapshot copy = StoryBook.shallowCopy(original).build();

    for (Schema.Field field : StorySnapshot.getClassSchema().getFields()) {
      assertThat(copy.get(field.pos())).as(field.name()).isSameAs(original.get(field.pos()));
    }
    assertThat(copy).isEqualTo(original);
  }
}
