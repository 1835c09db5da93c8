package org.allgo.it.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.allgo.it.Api;
import org.allgo.it.Server;
import org.allgo.it.faults.Figures;
import org.allgo.it.jobs.Jobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two application servers on one database, data root and swarm: the server under test and a {@link
 * PeerServer}. Jobs submitted to either run once each, spread over both servers and the swarm's
 * three nodes; what one server changes, the other reads at once; a job ended under one server's
 * watch is told on the other's event stream; the peer killed ({@code kill -9}) with jobs running
 * and waiting, the server under test takes over its running jobs once its lease ran out and
 * finishes all of them, each once.
 */
@EnabledIfSystemProperty(named = "allgo.engine", matches = "swarm")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralServersIT {

  // 40 a node on average: enough to see every node and both servers take some, each job run once,
  // none left (the 200 took 45 s of the swarm tier here).
  private static final int JOBS = 120;

  private final PeerServer peer = new PeerServer();
  private Front front;

  @BeforeAll
  void startThePeerAndTheFront() {
    peer.up();
    front =
        new Front(
            peer.portBase() + 90,
            List.of(
                URI.create(Server.BASE_URL).getAuthority(),
                URI.create(peer.baseUrl()).getAuthority()));
  }

  @AfterAll
  void stopThem() throws InterruptedException {
    if (front != null) {
      front.close();
    }
    peer.down();
  }

  @Test
  @Order(1)
  void jobsSubmittedToEitherServerRunOnceSpreadOverTheServersAndTheNodes() throws Exception {
    SwarmNodes swarm = SwarmNodes.whole();
    // Through the front, which sends each request to the next server.
    Api viaFront = Api.asDevelopmentUser(front.baseUrl(), "devel@localhost");
    String queue = Jobs.queue(120, 6, 1);
    Api admin = superuser();
    List<Long> ids = new ArrayList<>();
    Map<Integer, List<String>> started = new HashMap<>();
    Map<String, Set<Long>> followed;
    try (SwarmNodes.Starts starts = swarm.recordStarts();
        Sampler sampler = new Sampler(admin)) {
      for (int i = 0; i < JOBS; i++) {
        ids.add(Jobs.run(viaFront, "sleep", "0", queue));
      }
      Map<Long, JsonObject> ended = SwarmNodeLossIT.awaitEnds(viaFront, ids, Duration.ofMinutes(5));
      assertThat(ended.values())
          .allSatisfy(
              job -> {
                assertThat(job.getString("state")).as(job.toString()).isEqualTo("DONE");
                assertThat(job.getString("result")).as(job.toString()).isEqualTo("SUCCESS");
              });
      Thread.sleep(500);
      for (int n : swarm.numbers()) {
        started.put(n, starts.of(n));
      }
      followed = sampler.followed();
    }
    // Once each: the log of a job service holds the output of every run of it.
    for (long id : ids) {
      assertThat(Jobs.file(viaFront, id, "allgo.log").split("sleeping 0 seconds", -1)).hasSize(2);
    }
    List<String> all = started.values().stream().flatMap(List::stream).toList();
    Set<String> expected = new HashSet<>();
    ids.forEach(id -> expected.add(Jobs.containerName(id)));
    assertThat(all).as("job containers started on the nodes").hasSize(JOBS);
    assertThat(Set.copyOf(all)).isEqualTo(expected);
    assertThat(started.values())
        .as("jobs started by each node")
        .allSatisfy(s -> assertThat(s).isNotEmpty());
    assertThat(followed.keySet()).as("servers seen following jobs").hasSize(2);
    assertThat(followed.values()).allSatisfy(jobs -> assertThat(ids).containsAll(jobs));
    assertThat(alive(admin)).as("servers alive").hasSize(2);
    swarm.awaitNoJobsLeft(Set.of());
  }

  @Test
  @Order(2)
  void aChangeMadeThroughOneServerIsReadAtOnceThroughTheOther() {
    Api here = Api.asDevelopmentUser("devel@localhost");
    Api viaPeer = here.on(peer.baseUrl());
    String before = here.get("/api/v2/webapps/sleep").json().getString("description");
    try {
      for (String description : List.of("Changed on the peer", "Changed again on the peer")) {
        Api.Response changed =
            viaPeer.patch(
                "/api/v2/webapps/sleep",
                Json.createObjectBuilder().add("description", description).build().toString());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        // No server keeps a copy of what another may change: the next read is the database's.
        assertThat(here.get("/api/v2/webapps/sleep").json().getString("description"))
            .isEqualTo(description);
      }
    } finally {
      viaPeer.patch(
          "/api/v2/webapps/sleep",
          Json.createObjectBuilder().add("description", before).build().toString());
    }
  }

  @Test
  @Order(3)
  void aJobEndedUnderOneServerIsToldOnTheOthersEventStream() throws Exception {
    Api viaPeer = Api.asDevelopmentUser("devel@localhost").on(peer.baseUrl());
    String queue = Jobs.queue(120, 6, 1);
    Api admin = superuser();
    long id = Jobs.run(viaPeer, "sleep", "3", queue);
    String follower =
        await("the job followed by a server")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> followerOf(admin, id), name -> name != null);
    // The stream of the server that does not follow it: only the database tells it the end.
    String other = follower.endsWith("-" + PeerServer.NAME) ? Server.BASE_URL : peer.baseUrl();
    HttpResponse<String> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(other + "/api/v2/jobs/" + id + "/events"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + viaPeer.token())
                    .timeout(Duration.ofSeconds(90))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stream.statusCode()).isEqualTo(200);
    List<String> states =
        stream
            .body()
            .lines()
            .filter(line -> line.startsWith("data:") && line.contains("\"state\""))
            .toList();
    assertThat(states).isNotEmpty();
    assertThat(states.get(states.size() - 1))
        .contains("\"state\":\"DONE\"")
        .contains("\"SUCCESS\"");
  }

  @Test
  @Order(4)
  void thePeerKilledWithJobsRunningAndWaitingTheOtherServerFinishesEveryOneOnce() throws Exception {
    SwarmNodes swarm = SwarmNodes.whole();
    Api here = Api.asDevelopmentUser("devel@localhost");
    Api viaFront = here.on(front.baseUrl());
    // Ten at once (five a queue), longer than the lease; twenty short ones waiting.
    List<String> queues = List.of(Jobs.queue(180, 5, 1), Jobs.queue(180, 5, 1));
    Api admin = superuser();
    Map<Long, Integer> seconds = new HashMap<>();
    for (int i = 0; i < 30; i++) {
      int sleep = i < 10 ? 25 : 1;
      seconds.put(Jobs.run(viaFront, "sleep", Integer.toString(sleep), queues.get(i % 2)), sleep);
    }
    await("ten jobs running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                seconds.keySet().stream()
                        .filter(id -> "RUNNING".equals(Jobs.get(viaFront, id).getString("state")))
                        .count()
                    == 10);
    String peerName = peerName(admin);
    Set<Long> held = Set.copyOf(running(admin).getOrDefault(peerName, List.of()));
    assertThat(held).as("running jobs the peer follows at the kill").isNotEmpty();

    Instant killed = Instant.now();
    peer.kill();
    Instant takenOver =
        await("the peer's jobs taken over")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    running(admin).getOrDefault(peerName, List.of()).isEmpty()
                        ? Instant.now()
                        : null,
                at -> at != null);
    Map<Long, JsonObject> ended =
        SwarmNodeLossIT.awaitEnds(viaFront, List.copyOf(seconds.keySet()), Duration.ofMinutes(3));
    Instant allEnded = Instant.now();
    for (var job : ended.entrySet()) {
      assertThat(job.getValue().getString("state")).as(job.getValue().toString()).isEqualTo("DONE");
      assertThat(job.getValue().getString("result"))
          .as(job.getValue().toString())
          .isEqualTo("SUCCESS");
      String marker = "sleeping " + seconds.get(job.getKey()) + " seconds";
      assertThat(Jobs.file(viaFront, job.getKey(), "allgo.log").split(marker, -1))
          .as("job %d ran once", job.getKey())
          .hasSize(2);
    }
    assertThat(alive(admin)).as("servers alive after the kill").hasSize(1).doesNotContain(peerName);
    swarm.awaitNoJobsLeft(Set.of());
    Figures.record(
        "kill -9 of one of two app servers (swarm)",
        "30 jobs (10 running, "
            + held.size()
            + " of them followed by the killed server; 20 waiting): 30 ended once with their"
            + " program's result, 0 run twice, 0 services left; kill to takeover "
            + Figures.seconds(Duration.between(killed, takenOver))
            + " (lease 15 s), kill to the last job ended "
            + Figures.seconds(Duration.between(killed, allEnded)));
  }

  // A superuser's token, asked for after the test's queues: each new token of a user replaces the
  // one before, and Jobs.queue asks for one.
  private static Api superuser() {
    return Api.asDevelopmentUser("admin@localhost");
  }

  private static List<JsonObject> servers(Api admin) {
    Api.Response response = admin.get("/api/v2/admin/servers");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.array().getValuesAs(JsonObject.class);
  }

  private static Set<String> alive(Api admin) {
    Set<String> alive = new HashSet<>();
    servers(admin).stream()
        .filter(s -> s.getBoolean("alive"))
        .forEach(s -> alive.add(s.getString("name")));
    return alive;
  }

  private static String peerName(Api admin) {
    return servers(admin).stream()
        .map(s -> s.getString("name"))
        .filter(name -> name.endsWith("-" + PeerServer.NAME))
        .findFirst()
        .orElseThrow();
  }

  /** The running jobs each server follows. */
  private static Map<String, List<Long>> running(Api admin) {
    Map<String, List<Long>> running = new HashMap<>();
    for (JsonObject server : servers(admin)) {
      running.put(
          server.getString("name"),
          server.getJsonArray("runningJobs").stream()
              .map(v -> ((jakarta.json.JsonNumber) v).longValue())
              .toList());
    }
    return running;
  }

  private static String followerOf(Api admin, long id) {
    for (var server : running(admin).entrySet()) {
      if (server.getValue().contains(id)) {
        return server.getKey();
      }
    }
    return null;
  }

  /** Which server follows which job, sampled every 100 ms while it runs. */
  private static final class Sampler implements AutoCloseable {

    private final Map<String, Set<Long>> followed = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    Sampler(Api admin) {
      thread =
          new Thread(
              () -> {
                while (!stop.get()) {
                  running(admin)
                      .forEach(
                          (name, jobs) -> {
                            if (!jobs.isEmpty()) {
                              followed
                                  .computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet())
                                  .addAll(jobs);
                            }
                          });
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "servers-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    Map<String, Set<Long>> followed() {
      return Map.copyOf(followed);
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      thread.join(5000);
    }
  }
}
