package org.allgo.jobs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.allgo.platform.control.ServerName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The settings jobs depend on: where their files live, their limits, and this server's name. */
@ApplicationScoped
public class JobSettings {

  /** Where a job's directory appears in its container; also its working directory. */
  public static final String WORK_DIR = "/tmp/job";

  /** The user jobs run as: nobody, never root. */
  public static final String JOB_USER = "65534:65534";

  @Inject
  @ConfigProperty(name = "allgo.env", defaultValue = "dev")
  String environment;

  @Inject
  @ConfigProperty(name = "allgo.data", defaultValue = "var/dev")
  String data;

  @Inject
  @ConfigProperty(name = "allgo.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "allgo.jobs.max-file-mb", defaultValue = "100")
  long maxFileMb;

  @Inject
  @ConfigProperty(name = "allgo.jobs.max-input-mb", defaultValue = "500")
  long maxInputMb;

  @Inject
  @ConfigProperty(name = "allgo.jobs.max-output-mb", defaultValue = "2048")
  long maxOutputMb;

  @Inject
  @ConfigProperty(name = "allgo.jobs.max-log-mb", defaultValue = "64")
  long maxLogMb;

  @Inject
  @ConfigProperty(name = "allgo.jobs.tmp-mb", defaultValue = "256")
  long tmpMb;

  @Inject
  @ConfigProperty(name = "allgo.jobs.max-running-per-user", defaultValue = "2")
  int maxRunningPerUser;

  @Inject
  @ConfigProperty(name = "allgo.jobs.pids-limit", defaultValue = "256")
  long pidsLimit;

  @Inject ServerName server;

  @Inject
  @ConfigProperty(name = "allgo.jobs.lease-seconds", defaultValue = "15")
  int leaseSeconds;

  public String environment() {
    return environment;
  }

  public Path datastore() {
    return Path.of(data, "rw", "datastore").toAbsolutePath().normalize();
  }

  public Path directory(long jobId) {
    return datastore().resolve(Long.toString(jobId));
  }

  /**
   * Where the platform copies a job's output while it runs: outside its directory, which the
   * program may change under any name.
   */
  public Path liveLog(long jobId) {
    return Path.of(data, "rw", "live-logs").toAbsolutePath().normalize().resolve(jobId + ".log");
  }

  /** How far the live log followed the job's container, kept beside it. */
  public Path liveLogCursor(long jobId) {
    return liveLog(jobId).resolveSibling(jobId + ".cursor");
  }

  /** Files uploaded ahead of a job, until a job takes them (same file system as the datastore). */
  public Path uploads() {
    return Path.of(data, "rw", "uploads").toAbsolutePath().normalize();
  }

  public String containerName(long jobId) {
    return environment + "-job-" + jobId;
  }

  public long maxFileBytes() {
    return maxFileMb << 20;
  }

  public long maxInputBytes() {
    return maxInputMb << 20;
  }

  public long maxOutputBytes() {
    return maxOutputMb << 20;
  }

  /** What a job may print (stdout and stderr together) before it is stopped. */
  public long maxLogBytes() {
    return maxLogMb << 20;
  }

  /**
   * The size of a job's {@code /tmp} (a tmpfs, in the job's memory): the setting, at most half the
   * webapp's memory, so that a full {@code /tmp} is a full disk to the program, not an OOM kill.
   */
  public long tmpBytes(int memoryMb) {
    return Math.max(1L << 20, Math.min(tmpMb << 20, ((long) memoryMb << 20) / 2));
  }

  /** Running jobs one user may have in one queue. */
  public int maxRunningPerUser() {
    return Math.max(1, maxRunningPerUser);
  }

  public long pidsLimit() {
    return pidsLimit;
  }

  /** This server's name in the jobs it claims ({@link ServerName}). */
  public String node() {
    return server.get();
  }

  /**
   * How long a server may go unseen before the others take over its jobs: it renews its lease every
   * two seconds.
   */
  public Duration lease() {
    return Duration.ofSeconds(Math.max(6, leaseSeconds));
  }

  public String link(String path) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + path;
  }
}
