package org.allgo.webapps.entity;

import java.time.Instant;

/**
 * A webapp as shown to its users: the owner by name; the owner's address, the sandbox and SSH
 * details only to those who manage it (null otherwise).
 */
public record WebappView(
    long id,
    String name,
    String dockerName,
    String description,
    String documentation,
    String contactEmail,
    String owner,
    String ownerEmail,
    Visibility visibility,
    String defaultQueue,
    int memoryMb,
    String entrypoint,
    String inputPatterns,
    boolean networkAllowed,
    String defaultVersion,
    Instant createdAt,
    SandboxView sandbox) {}
