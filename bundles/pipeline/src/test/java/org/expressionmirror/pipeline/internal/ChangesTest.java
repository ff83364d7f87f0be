package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChangesTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Changes changes = new Changes(now::get);

  @Test
  void aChangeIsRecentForTheGivenTimeThenNoLonger() {
    assertTrue(changes.within(5_000), "what happened before it existed counts as just now");
    now.addAndGet(5_000_000_000L);
    assertTrue(changes.within(5_000));
    now.addAndGet(1_000_000L);
    assertFalse(changes.within(5_000));
    changes.happened();
    assertTrue(changes.within(5_000));
    now.addAndGet(4_999_000_000L);
    assertTrue(changes.within(5_000));
  }
}
