package org.allgo.accounts.entity;

import java.io.Serializable;
import java.time.Instant;

/** An SSH key as listed on the account page and by the API. */
public record SshKeyView(
    Long id, String type, String fingerprint, String comment, String publicKey, Instant createdAt)
    implements Serializable {}
