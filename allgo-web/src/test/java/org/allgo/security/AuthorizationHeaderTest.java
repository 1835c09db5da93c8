package org.allgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

  private static final String T = "Abc-_0123456789abcdefghijklmnopqrstuvwxyzAB";

  @Test
  void readsBearerTokens() {
    assertThat(AuthorizationHeader.token("Bearer " + T)).contains(T);
    assertThat(AuthorizationHeader.token("bearer   " + T + " ")).contains(T);
  }

  @Test
  void readsTheOriginalClientsTokenForm() {
    assertThat(AuthorizationHeader.token("Token token=" + T)).contains(T);
    assertThat(AuthorizationHeader.token("Token token=\"" + T + "\"")).contains(T);
    assertThat(AuthorizationHeader.token("token token=" + T + ", nonce=\"x\"")).contains(T);
  }

  @Test
  void ignoresOtherSchemesAndGarbage() {
    assertThat(AuthorizationHeader.token(null)).isEmpty();
    assertThat(AuthorizationHeader.token("")).isEmpty();
    assertThat(AuthorizationHeader.token("Basic YWxpY2U6c2VjcmV0")).isEmpty();
    assertThat(AuthorizationHeader.token("Bearer")).isEmpty();
    assertThat(AuthorizationHeader.token("Token " + T)).isEmpty();
    assertThat(AuthorizationHeader.token("Bearer a b")).isEmpty();
    assertThat(AuthorizationHeader.token("Bearer " + "x".repeat(2000))).isEmpty();
    assertThat(AuthorizationHeader.present("Basic x")).isTrue();
    assertThat(AuthorizationHeader.present(" ")).isFalse();
  }
}
