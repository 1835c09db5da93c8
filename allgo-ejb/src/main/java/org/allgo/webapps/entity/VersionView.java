package org.allgo.webapps.entity;

import java.time.Instant;

/** A version as shown to authors and API clients. */
public record VersionView(
    long id,
    String number,
    String description,
    VersionState state,
    String image,
    Long sizeBytes,
    String errorReason,
    Long batchExecutionId,
    Instant createdAt) {}
