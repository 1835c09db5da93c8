package org.allgo.submission.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * A file uploaded ahead of a job, as its owner sees it: name it in a job by its id before it
 * expires.
 */
public record UploadView(String id, String name, long size, Instant createdAt, Instant expiresAt)
    implements Serializable {}
