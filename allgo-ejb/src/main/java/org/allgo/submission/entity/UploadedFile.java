package org.allgo.submission.entity;

/**
 * A file of a job submission that was uploaded ahead of it.
 *
 * @param upload the upload's id
 * @param name the name the file takes in the job, or null for the name it was uploaded with
 */
public record UploadedFile(String upload, String name) {}
