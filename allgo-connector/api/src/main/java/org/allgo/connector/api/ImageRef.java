package org.allgo.connector.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image name: repository (with its registry host, if any) and tag, e.g. {@code
 * 127.0.0.1:5000/allgo/dev/hello:3}; or repository and the digest of a manifest the registry holds,
 * e.g. {@code 127.0.0.1:5000/allgo/dev/hello@sha256:…}, which names that image for good while a tag
 * may move. As in the Engine API, {@code tag} is then the digest.
 */
public record ImageRef(String repository, String tag) {

  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]+([._:-]?[a-z0-9]+)*(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  public ImageRef {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    if (!REPOSITORY.matcher(repository).matches()) {
      throw new IllegalArgumentException("Invalid image repository: " + repository);
    }
    if (!TAG.matcher(tag).matches() && !DIGEST.matcher(tag).matches()) {
      throw new IllegalArgumentException("Invalid image tag or digest: " + tag);
    }
  }

  /**
   * Parses {@code repository[:tag]} or {@code repository@sha256:<hex>}; the tag defaults to {@code
   * latest}.
   */
  public static ImageRef parse(String reference) {
    Objects.requireNonNull(reference, "reference");
    int at = reference.indexOf('@');
    if (at >= 0) {
      String repository = reference.substring(0, at);
      if (repository.lastIndexOf(':') > repository.lastIndexOf('/')) {
        throw new IllegalArgumentException(
            "An image reference has a tag or a digest, not both: " + reference);
      }
      return new ImageRef(repository, reference.substring(at + 1));
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

  /** True when it names a manifest by digest rather than by tag. */
  public boolean byDigest() {
    return DIGEST.matcher(tag).matches();
  }

  @Override
  public String toString() {
    return repository + (byDigest() ? "@" : ":") + tag;
  }
}
