package org.allgo.connector.outbound;

import com.github.dockerjava.api.model.Info;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.EngineInfo;

/** Everything one managed connection can do, over its own engine client. */
final class EngineOperations implements AutoCloseable {

  private final EngineClient client;
  private final AdapterConfig config;
  final Containers containers;
  final Images images;
  final Execs execs;

  EngineOperations(EngineClient client, AdapterConfig config, KnownContainers known) {
    this.client = client;
    this.config = config;
    EnvironmentPolicy policy = new EnvironmentPolicy(config);
    this.containers = new Containers(client, config, policy, known);
    this.images = new Images(client, policy, containers);
    this.execs = new Execs(client, containers);
  }

  EngineInfo info() {
    try {
      Info info = client.docker().infoCmd().exec();
      String apiVersion = client.docker().versionCmd().exec().getApiVersion();
      Integer containers = info.getContainers();
      return new EngineInfo(
          info.getServerVersion(),
          apiVersion,
          info.getOperatingSystem(),
          containers == null ? 0 : containers,
          config.environment());
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot read the engine's information");
    }
  }

  void ping() {
    try {
      client.docker().pingCmd().exec();
    } catch (RuntimeException e) {
      throw Failures.translate(e, "Cannot reach the Docker engine");
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
