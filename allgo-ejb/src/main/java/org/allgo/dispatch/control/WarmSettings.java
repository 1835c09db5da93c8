package org.allgo.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The settings of the warm pool ({@code ALLGO_WARM_*}): whether jobs start in pre-started
 * containers, how many of them and how much memory they may hold together, how many of one kind,
 * and how long a kind unused keeps its containers.
 */
@ApplicationScoped
public class WarmSettings {

  /** Where a warm container sees its slot's control folder (the waiter and, at last, the argv). */
  public static final String CONTROL_DIR = "/.allgo";

  /** The socket a warm container's waiter reports its program's exit to ({@link WarmReports}). */
  public static final String REPORT_SOCKET = CONTROL_DIR + "/report";

  @Inject
  @ConfigProperty(name = "allgo.warm.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "allgo.engine", defaultValue = "docker")
  String engine;

  @Inject
  @ConfigProperty(name = "allgo.warm.max-containers", defaultValue = "8")
  int maxContainers;

  @Inject
  @ConfigProperty(name = "allgo.warm.max-memory-mb", defaultValue = "4096")
  long maxMemoryMb;

  @Inject
  @ConfigProperty(name = "allgo.warm.per-kind", defaultValue = "4")
  int perKind;

  @Inject
  @ConfigProperty(name = "allgo.warm.idle", defaultValue = "PT10M")
  String idle;

  @Inject
  @ConfigProperty(name = "allgo.data", defaultValue = "var/dev")
  String data;

  // Switched on or off by a superuser, until the server stops; the setting otherwise.
  private volatile Boolean switched;

  /** On, and on a single engine: a swarm's jobs always start cold. */
  public boolean enabled() {
    Boolean on = switched;
    return (on != null ? on : enabled) && singleEngine();
  }

  /** Jobs run on one engine (warm starts may be on), not on a swarm. */
  public boolean singleEngine() {
    return "docker".equals(engine);
  }

  /** Warm starts on or off from now until the server stops. */
  public void switchTo(boolean on) {
    switched = on;
  }

  // Set by a superuser on the admin console, until the server stops; the settings otherwise.
  private volatile Integer capContainers;
  private volatile Long capMemoryMb;

  public int maxContainers() {
    Integer cap = capContainers;
    return cap != null ? cap : maxContainers;
  }

  public long maxMemoryMb() {
    Long cap = capMemoryMb;
    return cap != null ? cap : maxMemoryMb;
  }

  /** The pool's cap from now until the server stops. */
  public void cap(int containers, long memoryMb) {
    capContainers = containers;
    capMemoryMb = memoryMb;
  }

  public int perKind() {
    return Math.max(1, perKind);
  }

  public Duration idle() {
    return Duration.parse(idle);
  }

  /** The slots' folders: on the datastore's file system, so that a job's files move by renames. */
  public Path slots() {
    return Path.of(data, "rw", "warm").toAbsolutePath().normalize();
  }

  /** The waiter, in the toolbox made by {@code bin/allgo}. */
  public Path waiter() {
    return Path.of(data, "ro", "toolbox", "libexec", "allgo-waiter").toAbsolutePath().normalize();
  }
}
