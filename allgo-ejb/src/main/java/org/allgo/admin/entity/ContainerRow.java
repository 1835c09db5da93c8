package org.allgo.admin.entity;

import java.io.Serializable;

/**
 * A container of the environment as the admin console lists it.
 *
 * @param diskBytes what it wrote in its own file system; negative when unknown
 */
public record ContainerRow(
    String id, String name, String image, String state, String role, String webapp, long diskBytes)
    implements Serializable {}
