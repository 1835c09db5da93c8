package org.allgo.admin.entity;

import java.io.Serializable;

/**
 * The bytes under one area of the data directory ({@code rw}, {@code ro}, {@code cache}, {@code
 * log}).
 */
public record DiskUse(String area, String path, long bytes, long files) implements Serializable {}
