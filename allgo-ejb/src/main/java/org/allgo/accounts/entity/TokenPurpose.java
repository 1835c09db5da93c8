package org.allgo.accounts.entity;

import java.time.Duration;

/** What a link sent by e-mail is for, and how long it stays valid. */
public enum TokenPurpose {
  /** Confirms a new account's address, or the new address of an e-mail change. */
  CONFIRMATION(Duration.ofDays(3), "confirmation"),
  PASSWORD_RESET(Duration.ofHours(6), "password reset");

  private final Duration lifetime;
  private final String label;

  TokenPurpose(Duration lifetime, String label) {
    this.lifetime = lifetime;
    this.label = label;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /** How the link is named in messages to the user. */
  public String label() {
    return label;
  }
}
