package org.allgo.accounts.entity;

import java.io.Serializable;
import java.time.Instant;

/** What a user may see of their own account. */
public record AccountView(
    Long id,
    String name,
    String email,
    Role role,
    AccountState state,
    boolean notifyJobFinished,
    int notifyAfterSeconds,
    boolean hasApiToken,
    Instant createdAt)
    implements Serializable {}
