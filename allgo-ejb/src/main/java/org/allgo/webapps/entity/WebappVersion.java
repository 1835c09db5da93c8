package org.allgo.webapps.entity;

import jakarta.persistence.Column;
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
import java.util.Objects;

/** A version of a webapp: its sandbox committed as an image in the registry. */
@Entity
@Table(name = "webapp_version")
@NamedQuery(
    name = WebappVersion.OF_WEBAPP,
    query =
        "SELECT v FROM WebappVersion v WHERE v.webapp = :webapp ORDER BY v.createdAt DESC, v.id DESC")
@NamedQuery(
    name = WebappVersion.READY_OF_WEBAPP,
    query =
        "SELECT v FROM WebappVersion v WHERE v.webapp = :webapp"
            + " AND v.state = org.allgo.webapps.entity.VersionState.READY ORDER BY v.createdAt DESC, v.id DESC")
@NamedQuery(
    name = WebappVersion.WEBAPPS_WITH_READY,
    query =
        "SELECT DISTINCT v.webapp.id FROM WebappVersion v"
            + " WHERE v.state = org.allgo.webapps.entity.VersionState.READY")
public class WebappVersion {

  public static final String OF_WEBAPP = "WebappVersion.ofWebapp";
  public static final String READY_OF_WEBAPP = "WebappVersion.readyOfWebapp";
  public static final String WEBAPPS_WITH_READY = "WebappVersion.webappsWithReady";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "webapp_id")
  private Webapp webapp;

  @Column(nullable = false, length = 32)
  private String number;

  @Column(nullable = false, length = 1000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private VersionState state;

  @Column(length = 255)
  private String image;

  @Column(length = 71)
  private String digest;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(name = "error_reason", length = 1000)
  private String errorReason;

  @Column(name = "batch_execution_id")
  private Long batchExecutionId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The server whose batch job commits it (its name among those sharing the database). */
  @Column(name = "committed_by", length = 100, updatable = false)
  private String committedBy;

  /** Its inputs' description, the webapp's draft when it was committed; null: a free string. */
  @Column(updatable = false)
  private String inputs;

  protected WebappVersion() {}

  public WebappVersion(
      Webapp webapp,
      String number,
      String description,
      String image,
      Instant createdAt,
      String committedBy) {
    this.webapp = Objects.requireNonNull(webapp, "webapp");
    this.number = Objects.requireNonNull(number, "number");
    this.description = Objects.requireNonNull(description, "description");
    this.image = Objects.requireNonNull(image, "image");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.committedBy = Objects.requireNonNull(committedBy, "committedBy");
    this.state = VersionState.SANDBOX;
    this.inputs = webapp.inputs();
  }

  /** The description of its inputs (a Boutiques descriptor), or null for a free string. */
  public String inputs() {
    return inputs;
  }

  public Long id() {
    return id;
  }

  public Webapp webapp() {
    return webapp;
  }

  public String number() {
    return number;
  }

  public VersionState state() {
    return state;
  }

  /** The image by its tag, {@code <registry>/allgo/<env>/<docker_name>:<number>}. */
  public String image() {
    return image;
  }

  /** The digest of the manifest pushed, once the push is done. */
  public String digest() {
    return digest;
  }

  /**
   * What jobs and sandboxes run: the image by digest once pushed, since committing the same number
   * again moves the tag before the new version is READY, or for good when that commit fails.
   */
  public String runnableImage() {
    if (digest == null) {
      return image;
    }
    int tag = image.lastIndexOf(':');
    return (tag > image.lastIndexOf('/') ? image.substring(0, tag) : image) + "@" + digest;
  }

  public Long sizeBytes() {
    return sizeBytes;
  }

  public String errorReason() {
    return errorReason;
  }

  public Long batchExecutionId() {
    return batchExecutionId;
  }

  public void startedAs(long executionId) {
    this.batchExecutionId = executionId;
  }

  public void committed() {
    this.state = VersionState.COMMITTED;
  }

  public void pushed(String manifestDigest) {
    this.digest = Objects.requireNonNull(manifestDigest, "manifestDigest");
  }

  public void ready(long size) {
    this.state = VersionState.READY;
    this.sizeBytes = size;
  }

  public void failed(String reason) {
    this.state = VersionState.ERROR;
    this.errorReason = reason;
  }

  public void replaced() {
    this.state = VersionState.REPLACED;
  }

  public VersionView view() {
    return new VersionView(
        id,
        number,
        description,
        state,
        image,
        digest,
        sizeBytes,
        errorReason,
        batchExecutionId,
        createdAt);
  }
}
