package org.allgo.connector.swarm;

import static org.allgo.connector.testing.AdapterFixture.BUSYBOX;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.allgo.connector.api.DockerConnection;
import org.allgo.connector.api.ImageRef;
import org.allgo.connector.testing.AdapterFixture;
import org.allgo.connector.testing.Swarm;
import org.allgo.connector.testing.SwarmExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of jobs on the test swarm through the adapter in swarm mode: a connection, a folder for
 * the jobs' volumes, and busybox pushed to the swarm's registry; after each test, the connection
 * and the adapter closed, the environment's leftovers removed on every node, the folder deleted.
 */
@ExtendWith(SwarmExtension.class)
abstract class SwarmJobsTest {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  final Swarm swarm;
  final Path volumes;
  final AdapterFixture fixture;
  final DockerConnection docker;
  final ImageRef image;

  SwarmJobsTest(Swarm swarm) throws IOException {
    this.swarm = swarm;
    volumes = Files.createTempDirectory("allgo-swarm-it");
    fixture = swarm.adapter(volumes);
    docker = fixture.factory().getConnection();
    image = pushed(swarm, docker);
  }

  @AfterEach
  void closeAndRemoveLeftovers() throws Exception {
    try {
      docker.close();
      fixture.close();
      swarm.removeTestLeftovers();
    } finally {
      try (Stream<Path> files = Files.walk(volumes)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  /** Busybox in the test namespace of the swarm's registry, by digest, as jobs run versions. */
  private static ImageRef pushed(Swarm swarm, DockerConnection docker) {
    ImageRef tagged = ImageRef.parse(swarm.namespace() + "swarm-busybox:1");
    docker.tag(BUSYBOX, tagged);
    return tagged.withTag(docker.push(tagged));
  }
}
