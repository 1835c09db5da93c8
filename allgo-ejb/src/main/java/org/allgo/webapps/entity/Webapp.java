package org.allgo.webapps.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.allgo.accounts.entity.User;
import org.allgo.queues.entity.JobQueue;

/**
 * A published program: what it is, who owns it, how its jobs run, and the state of the sandbox it
 * is built in. Its {@code dockerName} is the SSH login name and names its sandbox and images.
 */
@Entity
@Table(name = "webapp")
@NamedQuery(
    name = Webapp.BY_DOCKER_NAME,
    query = "SELECT w FROM Webapp w WHERE w.dockerName = :name")
@NamedQuery(
    name = Webapp.PUBLIC_OR_OWNED,
    query =
        "SELECT w FROM Webapp w WHERE (w.visibility = org.allgo.webapps.entity.Visibility.PUBLIC"
            + " AND EXISTS (SELECT v.id FROM WebappVersion v WHERE v.webapp = w"
            + " AND v.state = org.allgo.webapps.entity.VersionState.READY))"
            + " OR w.owner.email = :email ORDER BY w.name")
@NamedQuery(name = Webapp.ALL, query = "SELECT w FROM Webapp w ORDER BY w.name")
@NamedQuery(
    name = Webapp.RUNNING_SANDBOXES,
    query =
        "SELECT w FROM Webapp w WHERE w.sandbox.state = org.allgo.webapps.entity.SandboxState.RUNNING")
public class Webapp {

  /** The longest test parameter string. */
  public static final int TEST_PARAM_MAX = 4096;

  public static final String BY_DOCKER_NAME = "Webapp.byDockerName";
  public static final String PUBLIC_OR_OWNED = "Webapp.publicOrOwned";
  public static final String ALL = "Webapp.all";
  public static final String RUNNING_SANDBOXES = "Webapp.runningSandboxes";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "docker_name", nullable = false, length = 63, updatable = false)
  private String dockerName;

  private String description;

  private String documentation;

  /** The description of the inputs the next version is committed with (Boutiques JSON), or null. */
  private String inputs;

  @Column(name = "contact_email", length = 254)
  private String contactEmail;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_id")
  private User owner;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Visibility visibility;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "default_queue_id")
  private JobQueue defaultQueue;

  @Column(name = "memory_mb", nullable = false)
  private int memoryMb;

  @Column(nullable = false, length = 255)
  private String entrypoint;

  @Column(name = "input_patterns", nullable = false, length = 255)
  private String inputPatterns;

  @Column(name = "network_allowed", nullable = false)
  private boolean networkAllowed;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "pinned_version_id")
  private WebappVersion pinnedVersion;

  @Embedded private WebappSandbox sandbox = new WebappSandbox();

  @Column(name = "test_param", length = TEST_PARAM_MAX)
  private String testParam;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "webapp_test_file", joinColumns = @JoinColumn(name = "webapp_id"))
  @Column(name = "name", length = 255)
  private Set<String> testFiles = new TreeSet<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Webapp() {}

  public Webapp(
      String name,
      String dockerName,
      User owner,
      String entrypoint,
      int memoryMb,
      Instant createdAt) {
    this.name = Objects.requireNonNull(name, "name");
    this.dockerName = Objects.requireNonNull(dockerName, "dockerName");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.entrypoint = Objects.requireNonNull(entrypoint, "entrypoint");
    this.memoryMb = memoryMb;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.visibility = Visibility.PUBLIC;
    this.inputPatterns = "";
  }

  /** The owner and superusers may change the webapp, use its sandbox and see it when private. */
  public boolean isManagedBy(User user) {
    return user != null && user.mayActFor(owner);
  }

  /**
   * Its managers always see it; others only when it is public and {@code runnable}, i.e. has a
   * READY version: a webapp is private until its first version is READY, and hidden again when it
   * has none left.
   */
  public boolean isVisibleTo(User user, boolean runnable) {
    return isManagedBy(user) || (visibility == Visibility.PUBLIC && runnable);
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String dockerName() {
    return dockerName;
  }

  public String description() {
    return description == null ? "" : description;
  }

  public String documentation() {
    return documentation == null ? "" : documentation;
  }

  public String contactEmail() {
    return contactEmail;
  }

  public User owner() {
    return owner;
  }

  public Visibility visibility() {
    return visibility;
  }

  public JobQueue defaultQueue() {
    return defaultQueue;
  }

  public int memoryMb() {
    return memoryMb;
  }

  public String entrypoint() {
    return entrypoint;
  }

  public String inputPatterns() {
    return inputPatterns;
  }

  public boolean networkAllowed() {
    return networkAllowed;
  }

  public WebappVersion pinnedVersion() {
    return pinnedVersion;
  }

  public SandboxState sandboxState() {
    return sandbox.state();
  }

  public String sandboxReason() {
    return sandbox.reason();
  }

  public String sandboxImage() {
    return sandbox.image();
  }

  public Instant sandboxStartedAt() {
    return sandbox.startedAt();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void rename(String value) {
    this.name = Objects.requireNonNull(value, "name");
  }

  public void describe(String text, String docs) {
    this.description = text;
    this.documentation = docs;
  }

  public void changeContact(String email) {
    this.contactEmail = email;
  }

  public void changeVisibility(Visibility value) {
    this.visibility = Objects.requireNonNull(value, "visibility");
  }

  public void changeDefaultQueue(JobQueue queue) {
    this.defaultQueue = queue;
  }

  public void changeLimits(int memory) {
    this.memoryMb = memory;
  }

  public void changeProgram(String path, String patterns) {
    this.entrypoint = Objects.requireNonNull(path, "entrypoint");
    this.inputPatterns = Objects.requireNonNull(patterns, "inputPatterns");
  }

  public void allowNetwork(boolean allowed) {
    this.networkAllowed = allowed;
  }

  public void pin(WebappVersion version) {
    this.pinnedVersion = version;
  }

  /** The sandbox moves to {@code state}; a reason goes with ERROR, the image with STARTING. */
  public void sandbox(SandboxState state, String reason, String image, Instant at) {
    sandbox.moveTo(state, reason, image, at);
  }

  /** The draft description of the inputs (a Boutiques descriptor), or null for a free string. */
  public String inputs() {
    return inputs;
  }

  public void describeInputs(String descriptor) {
    this.inputs = descriptor;
  }

  /** The test job's parameters; empty when the webapp has no test job. */
  public Optional<String> testParam() {
    return Optional.ofNullable(testParam);
  }

  public List<String> testFiles() {
    return List.copyOf(new TreeSet<>(testFiles));
  }

  /** Sets the test job (its parameters; {@code null} clears it, files included). */
  public void changeTest(String param) {
    testParam = param;
    if (param == null) {
      testFiles.clear();
    }
  }

  public void addTestFile(String name) {
    testFiles.add(Objects.requireNonNull(name));
  }

  public void removeTestFile(String name) {
    testFiles.remove(name);
  }
}
