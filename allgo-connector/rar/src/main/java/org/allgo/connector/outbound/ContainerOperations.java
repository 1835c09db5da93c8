package org.allgo.connector.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.allgo.connector.api.ContainerInfo;
import org.allgo.connector.api.ContainerLogs;
import org.allgo.connector.api.ContainerSpec;
import org.allgo.connector.api.ContainerSummary;
import org.allgo.connector.api.ExitStatus;
import org.allgo.connector.api.LogEntry;
import org.allgo.connector.api.LogSink;

/**
 * The container operations of a connection, wherever the containers are placed: on the engine
 * itself ({@link LocalContainers}) or, for some, on a swarm ({@link Placement}).
 */
interface ContainerOperations {

  String run(ContainerSpec spec);

  ContainerInfo inspect(String container);

  Optional<ContainerInfo> find(String container);

  List<ContainerSummary> list(Map<String, String> labels);

  ExitStatus waitFor(String container, Duration timeout);

  ContainerLogs logs(String container);

  void readLogs(String container, Instant since, LogSink sink);

  List<LogEntry> tail(String container, int count);

  long diskUse(String container);

  void kill(String container);

  void remove(String container);
}
