package org.allgo.webapps.entity;

import java.time.Instant;

/** A webapp as shown to its users; sandbox and SSH details only reach those who manage it. */
public record WebappView(
    long id,
    String name,
    String dockerName,
    String description,
    String documentation,
    String contactEmail,
    String owner,
    Visibility visibility,
    String defaultQueue,
    int memoryMb,
    String entrypoint,
    String inputPatterns,
    boolean networkAllowed,
    String defaultVersion,
    Instant createdAt,
    SandboxView sandbox) {}
