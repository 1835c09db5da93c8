package org.allgo.webapps.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.junit.jupiter.api.Test;

class WebappVersionTest {

  private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

  private static WebappVersion version(String image) {
    User owner = new User("a@b.c", "A", "hash", Role.USER, AccountState.ACTIVE, Instant.EPOCH);
    Webapp webapp = new Webapp("Hello", "hello", owner, "/bin/hello", 64, Instant.EPOCH);
    return new WebappVersion(webapp, "3", "", image, Instant.EPOCH, "here");
  }

  @Test
  void runsByTagUntilPushedThenByDigest() {
    WebappVersion version = version("127.0.0.1:5000/allgo/dev/hello:3");
    assertThat(version.runnableImage()).isEqualTo("127.0.0.1:5000/allgo/dev/hello:3");

    version.pushed(DIGEST);

    assertThat(version.runnableImage()).isEqualTo("127.0.0.1:5000/allgo/dev/hello@" + DIGEST);
  }

  @Test
  void aRegistryPortIsNotATag() {
    WebappVersion version = version("registry:5000/hello");
    version.pushed(DIGEST);

    assertThat(version.runnableImage()).isEqualTo("registry:5000/hello@" + DIGEST);
  }
}
