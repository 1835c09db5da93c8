package org.allgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

  @Test
  void theCookieIsSecureExactlyWhenTheBaseUrlIsHttps() {
    assertThat(SessionCookies.secure("https://allgo.example.org")).isTrue();
    assertThat(SessionCookies.secure("HTTPS://allgo.example.org/")).isTrue();
    assertThat(SessionCookies.secure("http://localhost:8080")).isFalse();
    assertThat(SessionCookies.secure("httpsx")).isFalse();
  }
}
