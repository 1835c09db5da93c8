package org.allgo.connector.outbound;

import com.github.dockerjava.api.model.Info;
import java.util.Optional;
import org.allgo.connector.adapter.AdapterConfig;
import org.allgo.connector.adapter.EngineClient;
import org.allgo.connector.adapter.EnvironmentPolicy;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.ContainerOperations;
import org.allgo.connector.api.EngineInfo;

/** Everything one managed connection can do, over its own engine client. */
final class EngineOperations implements AutoCloseable {

  private final EngineClient client;
  private final AdapterConfig config;
  final ContainerOperations containers;
  final Images images;
  final Execs execs;

  EngineOperations(EngineClient client, AdapterConfig config, KnownContainers known) {
    this(client, config, known, Optional.empty());
  }

  /** With a swarm placement, the containers it selects are placed on the swarm. */
  EngineOperations(
      EngineClient client,
      AdapterConfig config,
      KnownContainers known,
      Optional<SwarmPlacement> swarm) {
    this.client = client;
    this.config = config;
    EnvironmentPolicy policy = new EnvironmentPolicy(config);
    Containers local = new Containers(client, config, policy, known);
    this.images = new Images(client, policy, local);
    this.execs = new Execs(client, local);
    LocalContainers engine = new LocalContainers(local);
    this.containers =
        swarm
            .<ContainerOperations>map(
                s ->
                    new Placement(
                        engine,
                        new SwarmJobs(
                            client, config, s.config(), policy, images, s.records(), s.activity()),
                        s.config()))
            .orElse(engine);
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
