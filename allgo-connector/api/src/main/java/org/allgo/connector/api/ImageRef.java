package org.allgo.connector.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image name: repository (with its registry host, if any) and tag, e.g. {@code
 * 127.0.0.1:5000/allgo/dev/hello:3}. Digests are not accepted.
 */
public record ImageRef(String repository, String tag) {

  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]+([._:-]?[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageRef {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("Invalid image repository: " + repository);
    }
    if (!TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("Invalid image tag: " + tag);
    }
  }

  /** Parses {@code repository[:tag]}; the tag defaults to {@code latest}. */
  public static ImageRef parse(String reference) {
    Objects.requireNonNull(reference, "reference");
    if (reference.contains("@")) {
      throw new IllegalArgumentException("Image digests are not supported: " + reference);
    }
    int colon = reference.lastIndexOf(':');
    if (colon > reference.lastIndexOf('/')) {
      return new ImageRef(reference.substring(0, colon), reference.substring(colon + 1));
    }
    return new ImageRef(reference, "latest");
  }

  public ImageRef withTag(String newTag) {
    return new ImageRef(repository, newTag);
  }

  @Override
  public String toString() {
    return repository + ":" + tag;
  }
}
