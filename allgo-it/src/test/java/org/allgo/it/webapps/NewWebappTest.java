package org.allgo.it.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.allgo.connector.testing.DockerCli;
import org.allgo.it.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of a webapp of its own on the server under test: made by devel@localhost before each test
 * (its sandbox not started), deleted after it with its sandbox.
 */
abstract class NewWebappTest {

  protected Api devel;
  protected String name;

  @BeforeEach
  void createWebapp() {
    devel = Api.asDevelopmentUser("devel@localhost");
    name = Webapps.uniqueDockerName();
    assertThat(Webapps.create(devel, name).status()).isEqualTo(201);
  }

  @AfterEach
  void deleteWebapp() {
    devel.delete("/api/v2/webapps/" + name);
    DockerCli.run("rm", "-f", Webapps.sandboxName(name));
  }
}
