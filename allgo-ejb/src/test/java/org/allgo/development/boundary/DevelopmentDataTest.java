package org.allgo.development.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.allgo.accounts.entity.Role;
import org.junit.jupiter.api.Test;

class DevelopmentDataTest {

  @Test
  void seedsWhenAskedExceptInProduction() {
    assertThat(DevelopmentData.allowed("dev", true)).isTrue();
    assertThat(DevelopmentData.allowed("test", true)).isTrue();
    assertThat(DevelopmentData.allowed("dev", false)).isFalse();
    assertThat(DevelopmentData.allowed("prod", true)).isFalse();
    assertThat(DevelopmentData.allowed(" PROD ", true)).isFalse();
  }

  @Test
  void theOriginalsThreeUsers() {
    assertThat(DevelopmentData.USERS)
        .extracting(DevelopmentData.DevUser::email)
        .containsExactly("admin@localhost", "devel@localhost", "guest@localhost");
    assertThat(DevelopmentData.USERS.get(0).role()).isEqualTo(Role.SUPERUSER);
  }
}
