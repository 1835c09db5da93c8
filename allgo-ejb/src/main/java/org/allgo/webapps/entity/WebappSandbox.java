package org.allgo.webapps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Objects;

/**
 * The sandbox a webapp is built in, as the platform last left it: its state, why it failed, the
 * image it started from, when it last started.
 */
@Embeddable
public class WebappSandbox {

  @Enumerated(EnumType.STRING)
  @Column(name = "sandbox_state", nullable = false, length = 16)
  private SandboxState state = SandboxState.IDLE;

  @Column(name = "sandbox_reason", length = 1000)
  private String reason;

  @Column(name = "sandbox_image", length = 255)
  private String image;

  @Column(name = "sandbox_started_at")
  private Instant startedAt;

  /** The sandbox moves to {@code state}; a reason goes with ERROR, the image with STARTING. */
  void moveTo(SandboxState newState, String why, String startedImage, Instant at) {
    this.state = Objects.requireNonNull(newState, "state");
    this.reason = why;
    if (startedImage != null) {
      this.image = startedImage;
    }
    if (newState == SandboxState.RUNNING) {
      this.startedAt = at;
    }
  }

  SandboxState state() {
    return state;
  }

  String reason() {
    return reason;
  }

  String image() {
    return image;
  }

  Instant startedAt() {
    return startedAt;
  }
}
