package org.allgo.webapps.entity;

import java.time.Instant;

/**
 * A version as shown to authors and API clients.
 *
 * @param image the image by tag
 * @param digest the digest of the manifest pushed to the registry, once pushed
 */
public record VersionView(
    long id,
    String number,
    String description,
    VersionState state,
    String image,
    String digest,
    Long sizeBytes,
    String errorReason,
    Long batchExecutionId,
    Instant createdAt) {}
