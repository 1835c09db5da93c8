package org.allgo.submission.entity;

import java.io.InputStream;
import java.util.Objects;

/** A file sent with a job: the name the client gave it and its content, read once. */
public record Upload(String name, InputStream content) {

  public Upload {
    Objects.requireNonNull(content, "content");
  }
}
