package org.allgo.admin.entity;

import java.io.Serializable;
import java.util.List;

/** A repository of the environment's registry namespace and its tags. */
public record RepositoryView(String name, List<String> tags) implements Serializable {

  public RepositoryView {
    tags = List.copyOf(tags);
  }

  /** The tags separated by commas. */
  public String tagList() {
    return String.join(", ", tags);
  }
}
