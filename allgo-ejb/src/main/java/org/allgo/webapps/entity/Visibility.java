package org.allgo.webapps.entity;

/** Who sees a webapp: everyone, or only its owner and superusers. */
public enum Visibility {
  PUBLIC,
  PRIVATE
}
