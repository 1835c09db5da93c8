package org.allgo.admin.entity;

import java.io.Serializable;

/** A container of the environment as the admin console lists it. */
public record ContainerRow(
    String id, String name, String image, String state, String role, String webapp)
    implements Serializable {}
