package org.allgo.connector.inbound;

import static org.allgo.connector.testing.AdapterFixture.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.allgo.connector.api.ContainerEvent;
import org.allgo.connector.api.ContainerEvent.Action;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.Limits;
import org.allgo.connector.testing.AdapterExtension;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.RecordingEndpoints;
import org.allgo.connector.testing.SocketRelay;
import org.allgo.connector.testing.TestBootstrapContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AdapterExtension.class)
class EventsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final AdapterFixture direct;
  private final DockerConnection docker;
  private final TestBootstrapContext bootstrap = new TestBootstrapContext();
  private final RecordingEndpoints endpoints = new RecordingEndpoints();

  EventsIT(AdapterFixture direct, DockerConnection docker) {
    this.direct = direct;
    this.docker = docker;
  }

  // Before the extension closes the adapter: no work may outlive it.
  @AfterEach
  void stopWork() throws InterruptedException {
    bootstrap.close();
  }

  @Test
  void exitOomAndKillAreDelivered() throws Exception {
    ContainerEventActivationSpec spec = activate(direct);

    String exited = docker.run(spec("exits", "sh", "-c", "exit 4"));
    String oom =
        docker.run(
            spec("oom", "sh", "-c", "head -c 100m /dev/zero | tail")
                .withLimits(Limits.of(16L << 20, 1, 32)));
    String killed = docker.run(spec("killed", "sleep", "600"));
    docker.kill(killed);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(endpoints.eventsOf(exited))
                  .singleElement()
                  .satisfies(
                      event -> {
                        assertThat(event.action()).isEqualTo(Action.DIE);
                        assertThat(event.exitCode()).hasValue(4);
                        assertThat(event.name()).startsWith(AdapterFixture.ENVIRONMENT + "-exits-");
                        assertThat(event.labels())
                            .containsEntry("allgo.env", AdapterFixture.ENVIRONMENT)
                            .containsEntry("allgo.test", "true");
                      });
              assertThat(endpoints.eventsOf(oom))
                  .extracting(ContainerEvent::action)
                  .contains(Action.OOM, Action.DIE);
              assertThat(endpoints.eventsOf(killed))
                  .extracting(ContainerEvent::action)
                  .contains(Action.KILL, Action.DIE);
            });
    direct.adapter().endpointDeactivation(endpoints, spec);
    await().atMost(TIMEOUT).until(() -> bootstrap.runningWork() == 0);
  }

  @Test
  void labelFilterKeepsOtherContainersOut() throws Exception {
    ContainerEventActivationSpec spec = new ContainerEventActivationSpec();
    spec.setLabelFilter("allgo.env=" + AdapterFixture.ENVIRONMENT + ",allgo.job=wanted");
    direct.adapter().start(bootstrap);
    direct.adapter().endpointActivation(endpoints, spec);

    String other = docker.run(spec("other", "true"));
    String wanted = docker.run(spec("wanted", "true").withLabel("allgo.job", "wanted"));

    await().atMost(TIMEOUT).until(() -> !endpoints.eventsOf(wanted).isEmpty());
    assertThat(endpoints.eventsOf(other)).isEmpty();
    direct.adapter().stop();
  }

  @Test
  void eventsMissedWhileTheEngineWasUnreachableAreReplayed() throws Exception {
    Path volumes = direct.volumeRoot();
    try (SocketRelay relay =
            new SocketRelay(volumes.resolve("docker.sock"), Path.of("/var/run/docker.sock"));
        AdapterFixture relayed = new AdapterFixture(volumes, relay.dockerHost())) {
      activate(relayed);
      String before = docker.run(spec("before", "true"));
      await().atMost(TIMEOUT).until(() -> !endpoints.eventsOf(before).isEmpty());

      relay.cut();
      String during = docker.run(spec("during", "sh", "-c", "exit 5"));
      docker.waitFor(during, TIMEOUT);
      Thread.sleep(1_000);
      assertThat(endpoints.eventsOf(during)).isEmpty();
      relay.restore();

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(endpoints.eventsOf(during))
                      .singleElement()
                      .satisfies(event -> assertThat(event.exitCode()).hasValue(5)));
      assertThat(endpoints.eventsOf(before)).hasSize(1);
      relayed.adapter().stop();
    }
  }

  private ContainerEventActivationSpec activate(AdapterFixture fixture) throws Exception {
    ContainerEventActivationSpec spec = new ContainerEventActivationSpec();
    spec.setLabelFilter("allgo.env=" + AdapterFixture.ENVIRONMENT + ",allgo.test=true");
    spec.validate();
    fixture.adapter().start(bootstrap);
    fixture.adapter().endpointActivation(endpoints, spec);
    return spec;
  }
}
