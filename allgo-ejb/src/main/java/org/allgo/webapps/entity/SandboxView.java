package org.allgo.webapps.entity;

import java.time.Instant;

/** A sandbox as its authors see it, with the SSH command line that reaches it. */
public record SandboxView(
    SandboxState state,
    String reason,
    String image,
    Instant startedAt,
    String container,
    String ssh) {}
