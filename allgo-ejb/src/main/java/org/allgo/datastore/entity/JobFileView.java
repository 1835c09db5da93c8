package org.allgo.datastore.entity;

/** A file of a job's directory: an input, an output, or {@code allgo.log}. */
public record JobFileView(String name, long size) {}
