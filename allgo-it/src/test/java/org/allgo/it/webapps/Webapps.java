package org.allgo.it.webapps;

import jakarta.json.Json;
import java.util.UUID;
import org.allgo.it.Api;
import org.allgo.it.DockerCli;
import org.allgo.it.Server;

/** Shared steps of the webapp tests. */
final class Webapps {

  static final String REGISTRY = System.getProperty("allgo.registry", "127.0.0.1:5000");

  private Webapps() {}

  static String uniqueDockerName() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static Api.Response create(Api api, String dockerName) {
    return api.post("/api/v2/webapps", Json.createObjectBuilder()
        .add("name", "Test " + dockerName)
        .add("dockerName", dockerName)
        .add("description", "A *test* webapp")
        .add("entrypoint", "/usr/local/bin/hello")
        .add("memoryMb", 64)
        .build().toString());
  }

  static String sandboxName(String dockerName) {
    return Server.ENVIRONMENT + "-user-" + dockerName;
  }

  static String repository(String dockerName) {
    return REGISTRY + "/allgo/" + Server.ENVIRONMENT + "/" + dockerName;
  }

  /** What an author does over SSH: installs a program in the running sandbox. */
  static DockerCli.Result install(String dockerName, String script) {
    return DockerCli.run("exec", sandboxName(dockerName), "sh", "-c",
        "mkdir -p /usr/local/bin && printf '%s' \"$0\" > /usr/local/bin/hello && chmod 755 /usr/local/bin/hello",
        script);
  }
}
