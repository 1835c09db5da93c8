package org.allgo.webapps.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebappSettingsTest {

  private static WebappSettings settings(String registry, String registryUrl) {
    WebappSettings settings = new WebappSettings();
    settings.environment = "dev";
    settings.registry = registry;
    settings.registryUrl = Optional.ofNullable(registryUrl);
    return settings;
  }

  @Test
  void theRegistryApiIsTheEnginesAddressByDefault() {
    assertThat(settings("127.0.0.1:5000", null).registryApi()).hasToString("http://127.0.0.1:5000");
    assertThat(settings("127.0.0.1:5000", " ").registryApi()).hasToString("http://127.0.0.1:5000");
  }

  @Test
  void aServerInAContainerReachesTheRegistryByItsOwnAddress() {
    WebappSettings settings = settings("127.0.0.1:8002", "http://dev-registry:8002/");

    assertThat(settings.registryApi()).hasToString("http://dev-registry:8002");
    assertThat(settings.repository("sleep")).isEqualTo("127.0.0.1:8002/allgo/dev/sleep");
  }
}
