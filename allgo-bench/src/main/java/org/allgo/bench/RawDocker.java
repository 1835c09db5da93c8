package org.allgo.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The baseline: each job is create, start, wait, remove of {@code true}, by docker-java directly.
 */
final class RawDocker implements AutoCloseable {

  private final DockerClient docker;
  private final String image;

  RawDocker(String host, String image) {
    DefaultDockerClientConfig config =
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
    this.docker =
        DockerClientImpl.getInstance(
            config,
            new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build());
    this.image = image;
  }

  Series run(int jobs, int concurrency) throws Exception {
    return Load.run("raw docker-java", jobs, concurrency, this::oneJob);
  }

  /** Jobs at a pace: each client waits {@code think} after each job ({@link Load}). */
  Series paced(int jobs, int concurrency, Duration think) throws Exception {
    return Load.run("raw docker-java, paced", jobs, concurrency, think, this::oneJob);
  }

  private void oneJob(Latencies latency, Latencies toStart) {
    Instant submitted = Instant.now();
    String id =
        docker
            .createContainerCmd(image)
            .withCmd("true")
            .withLabels(Map.of("allgo.bench", "true"))
            .withHostConfig(
                HostConfig.newHostConfig()
                    .withNetworkMode("none")
                    .withInit(true)
                    .withCapDrop(Capability.ALL))
            .exec()
            .getId();
    docker.startContainerCmd(id).exec();
    toStart.record(Duration.between(submitted, Instant.now()));
    docker.waitContainerCmd(id).start().awaitStatusCode(1, TimeUnit.MINUTES);
    docker.removeContainerCmd(id).withForce(true).exec();
    latency.record(Duration.between(submitted, Instant.now()));
  }

  @Override
  public void close() throws IOException {
    docker.close();
  }
}
