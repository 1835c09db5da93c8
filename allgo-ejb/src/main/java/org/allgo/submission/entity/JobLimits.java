package org.allgo.submission.entity;

/**
 * What the platform accepts of a job, so that clients can check before they send.
 *
 * @param maxFileBytes one file
 * @param maxInputBytes the files of one job together, or a caller's uploads waiting for a job
 * @param maxOutputBytes what a job's directory may hold when it ends
 * @param maxLogBytes what a job may print (stdout and stderr together) before it is stopped
 */
public record JobLimits(
    long maxFileBytes,
    long maxInputBytes,
    long maxOutputBytes,
    long maxLogBytes,
    int maxFiles,
    int maxParamLength) {}
