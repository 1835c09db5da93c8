package org.allgo.connector.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceSpecsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SwarmConfig SWARM =
      SwarmConfig.parse("allgo.role=job", "allgo-jobs", "node.labels.allgo.jobs==true", "");
  private static final SwarmConfig WITNESSED =
      SwarmConfig.parse("allgo.role=job", "allgo-jobs", "", "/data/ro/toolbox");

  // A job's create request as docker-java writes it (the nulls it writes left out).
  private static final String JOB =
      """
      {"User": "65534", "AttachStdin": false, "Tty": false, "OpenStdin": false,
       "Env": ["HOME=/tmp/job"], "Cmd": ["/bin/tool", "a b"], "Image": "r:5000/allgo/dev/t@sha256:%s",
       "Volumes": {}, "WorkingDir": "/tmp/job", "ExposedPorts": {}, "NetworkDisabled": true,
       "Labels": {"allgo.env": "dev", "allgo.role": "job", "allgo.job": "7"},
       "HostConfig": {"Binds": ["/data/rw/datastore/7:/tmp/job:rw"], "NanoCpus": 500000000,
         "CapDrop": ["ALL"], "Memory": 67108864, "MemorySwap": 67108864, "NetworkMode": "none",
         "Init": true, "Privileged": false, "SecurityOpt": ["no-new-privileges"], "PidsLimit": 256,
         "ReadonlyRootfs": true, "Tmpfs": {"/tmp": "rw,nosuid,nodev,exec,size=67108864,mode=1777"},
         "LogConfig": {"Type": "json-file", "Config": {"max-size": "1000", "max-file": "2"}}}}
      """
          .formatted("0".repeat(64));

  @Test
  void theContainerModesConfinementIsCarriedOver() throws Exception {
    JsonNode service =
        ServiceSpecs.service(
            JSON.readTree(JOB), "dev-job-7", "dev", SWARM, java.util.List.of(), false);

    assertThat(service.path("Name").asText()).isEqualTo("dev-job-7");
    assertThat(service.path("Labels").path("allgo.job").asText()).isEqualTo("7");
    assertThat(service.path("Mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":1}}");
    JsonNode task = service.path("TaskTemplate");
    JsonNode container = task.path("ContainerSpec");
    assertThat(container.path("Args").toString()).isEqualTo("[\"/bin/tool\",\"a b\"]");
    assertThat(container.has("Command")).isFalse();
    assertThat(container.path("User").asText()).isEqualTo("65534");
    assertThat(container.path("Dir").asText()).isEqualTo("/tmp/job");
    assertThat(container.path("Env").toString()).isEqualTo("[\"HOME=/tmp/job\"]");
    assertThat(container.path("Init").asBoolean()).isTrue();
    assertThat(container.path("ReadOnly").asBoolean()).isTrue();
    assertThat(container.path("CapabilityDrop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(container.path("StopSignal").asText()).isEqualTo("SIGKILL");
    assertThat(container.path("Labels").toString())
        .isEqualTo("{\"allgo.env\":\"dev\",\"allgo.service\":\"dev-job-7\"}");
    assertThat(container.path("Mounts").toString())
        .isEqualTo(
            "[{\"Type\":\"bind\",\"Source\":\"/data/rw/datastore/7\",\"Target\":\"/tmp/job\",\"ReadOnly\":false},"
                + "{\"Type\":\"tmpfs\",\"Target\":\"/tmp\",\"TmpfsOptions\":{\"SizeBytes\":67108864,\"Mode\":1023}}]");
    assertThat(task.path("Resources").toString())
        .isEqualTo(
            "{\"Limits\":{\"MemoryBytes\":67108864,\"NanoCPUs\":500000000,\"Pids\":256},"
                + "\"Reservations\":{\"MemoryBytes\":67108864,\"NanoCPUs\":500000000}}");
    assertThat(task.path("RestartPolicy").path("Condition").asText()).isEqualTo("none");
    assertThat(task.path("Placement").toString())
        .isEqualTo("{\"Constraints\":[\"node.labels.allgo.jobs==true\"]}");
    assertThat(task.has("Networks")).isFalse();
    assertThat(task.path("LogDriver").toString())
        .isEqualTo(
            "{\"Name\":\"json-file\",\"Options\":{\"max-size\":\"1000\",\"max-file\":\"2\"}}");
  }

  @Test
  void theWitnessRunsTheImagesEntryPointThenTheArguments() throws Exception {
    JsonNode container =
        ServiceSpecs.service(
                JSON.readTree(JOB),
                "dev-job-7",
                "dev",
                WITNESSED,
                java.util.List.of("/entry"),
                false)
            .at("/TaskTemplate/ContainerSpec");

    assertThat(container.has("Args")).isFalse();
    assertThat(container.path("Command").get(0).asText()).isEqualTo("/.allgo/bin/sh");
    assertThat(container.path("Command").toString())
        .endsWith(",\"allgo\",\"/entry\",\"/bin/tool\",\"a b\"]");
    assertThat(container.path("Mounts").get(2).toString())
        .isEqualTo(
            "{\"Type\":\"bind\",\"Source\":\"/data/ro/toolbox\",\"Target\":\"/.allgo\",\"ReadOnly\":true}");
  }

  @Test
  void enginesThatRemoveAJobsTasksWithItsServiceRunJobsAsJobs() throws Exception {
    JsonNode service =
        ServiceSpecs.service(
            JSON.readTree(JOB), "dev-job-7", "dev", SWARM, java.util.List.of(), true);

    assertThat(service.path("Mode").toString())
        .isEqualTo("{\"ReplicatedJob\":{\"MaxConcurrent\":1,\"TotalCompletions\":1}}");
    assertThat(ServiceSpecs.jobsSupported("1.41")).isFalse();
    assertThat(ServiceSpecs.jobsSupported("1.43")).isTrue();
    assertThat(ServiceSpecs.jobsSupported("1.47")).isTrue();
    assertThat(ServiceSpecs.jobsSupported("x")).isFalse();
  }

  @Test
  void aJobAllowedTheNetworkJoinsTheSwarmNetwork() throws Exception {
    ObjectNode create = (ObjectNode) JSON.readTree(JOB);
    ((ObjectNode) create.path("HostConfig")).put("NetworkMode", "bridge");
    create.remove("NetworkDisabled");

    JsonNode service =
        ServiceSpecs.service(create, "dev-job-7", "dev", SWARM, java.util.List.of(), false);

    assertThat(service.at("/TaskTemplate/Networks").toString())
        .isEqualTo("[{\"Target\":\"allgo-jobs\"}]");
  }

  @Test
  void aJobWithoutNetworkJoinsNoneAndADisabledNetworkIsNeverAttached() throws Exception {
    JsonNode service =
        ServiceSpecs.service(
            JSON.readTree(JOB), "dev-job-7", "dev", SWARM, java.util.List.of(), false);
    assertThat(service.at("/TaskTemplate/Networks").size()).isZero();

    ObjectNode attached = (ObjectNode) JSON.readTree(JOB);
    ((ObjectNode) attached.path("HostConfig")).put("NetworkMode", "bridge");
    assertThrows(
        IllegalStateException.class,
        () ->
            ServiceSpecs.service(attached, "dev-job-7", "dev", SWARM, java.util.List.of(), false));
  }

  @Test
  void whatTheSwarmCannotApplyIsRefusedNotDropped() throws Exception {
    for (String[] change :
        new String[][] {
          {"HostConfig", "Privileged", "true"},
          {"HostConfig", "MemorySwap", "-1"},
          {"HostConfig", "SecurityOpt", "[\"seccomp=unconfined\"]"},
          {"HostConfig", "Devices", "[{\"PathOnHost\": \"/dev/kvm\"}]"},
          {"HostConfig", "ShmSize", "1024"},
          {"", "Tty", "true"},
          {"", "Entrypoint", "[\"/bin/sh\"]"},
          {"", "Healthcheck", "{\"Test\": [\"CMD\", \"true\"]}"}
        }) {
      ObjectNode create = (ObjectNode) JSON.readTree(JOB);
      ObjectNode target = change[0].isEmpty() ? create : (ObjectNode) create.path(change[0]);
      target.set(change[1], JSON.readTree(change[2]));
      assertThrows(
          IllegalStateException.class,
          () -> ServiceSpecs.service(create, "dev-job-7", "dev", SWARM, java.util.List.of(), false),
          String.join(".", change));
    }
  }

  @Test
  void settingsAreChecked() {
    assertThat(SWARM.places(java.util.Map.of("allgo.role", "job", "x", "y"))).isTrue();
    assertThat(SWARM.places(java.util.Map.of("allgo.role", "sandbox"))).isFalse();
    assertThat(WITNESSED.helperDir()).contains(java.nio.file.Path.of("/data/ro/toolbox"));
    assertThat(SWARM.helperDir()).isEqualTo(Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> SwarmConfig.parse("", "n", "", ""));
    assertThrows(IllegalArgumentException.class, () -> SwarmConfig.parse("a=b", "host", "", ""));
    assertThrows(IllegalArgumentException.class, () -> SwarmConfig.parse("a=b", "n", "x", ""));
    assertThrows(IllegalArgumentException.class, () -> SwarmConfig.parse("a=b", "n", "", "rel"));
  }
}
