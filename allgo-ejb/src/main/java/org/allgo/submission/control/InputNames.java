package org.allgo.submission.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.allgo.datastore.entity.FileNames;
import org.allgo.platform.BusinessException;

/** The names of a job's input files: how many a job takes, each made safe, none twice. */
public final class InputNames {

  public static final int MAX_FILES = 100;

  private InputNames() {}

  /** Refuses more files than a job takes. */
  public static void checkCount(int files) {
    if (files > MAX_FILES) {
      throw BusinessException.invalid(
          "too-many-files", "A job takes at most " + MAX_FILES + " files.");
    }
  }

  /** The given names made safe; refused when there are too many, or two alike. */
  public static List<String> of(List<String> given) {
    checkCount(given.size());
    List<String> names = given.stream().map(FileNames::sanitize).toList();
    Set<String> seen = new HashSet<>();
    names.stream()
        .filter(n -> !seen.add(n))
        .findFirst()
        .ifPresent(
            n -> {
              throw BusinessException.invalid(
                  "duplicate-file-name", "Two files are named " + n + ".");
            });
    return names;
  }
}
