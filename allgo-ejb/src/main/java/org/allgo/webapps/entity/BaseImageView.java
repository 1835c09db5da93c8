package org.allgo.webapps.entity;

/** A base image as shown to authors. */
public record BaseImageView(long id, String name, String image) {}
