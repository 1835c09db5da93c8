package org.allgo.mail.entity;

import java.util.Set;

/**
 * The mails allgo sends. Each has {@code mail/<name>.txt} (first line {@code Subject: ...}) and
 * {@code mail/<name>.html} on the class path, and needs the values it names.
 */
public enum MailTemplate {
  /** Confirms the address of a new account or the new address of an account: name, link. */
  CONFIRMATION("confirmation", Set.of("name", "link")),
  /**
   * Someone tried to open an account with an address that has one: name, link (to sign in), reset.
   */
  ADDRESS_TAKEN("address-taken", Set.of("name", "link", "reset")),
  /** Lets a user choose a new password: name, link. */
  PASSWORD_RESET("password-reset", Set.of("name", "link")),
  /** A job ended: name, job, webapp, state (its result), duration, link. */
  JOB_FINISHED(
      "job-finished", Set.of("name", "job", "webapp", "state", "duration", "link", "after")),
  /** A sandbox was stopped after being left running: name, webapp, idle (as "24 hours"), link. */
  SANDBOX_STOPPED("sandbox-stopped", Set.of("name", "webapp", "idle", "link"));

  private final String resource;
  private final Set<String> keys;

  MailTemplate(String resource, Set<String> keys) {
    this.resource = resource;
    this.keys = keys;
  }

  /** The base name of the template files under {@code mail/}. */
  public String resource() {
    return resource;
  }

  /** The values the template needs. */
  public Set<String> keys() {
    return keys;
  }
}
