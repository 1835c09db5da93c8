package org.allgo.datastore.entity;

/**
 * A file of a job's directory: an input, an output, or {@code allgo.log}.
 *
 * @param input whether the job was submitted with a file of that name (its program may have
 *     rewritten it); false for what the program made and for the log
 */
public record JobFileView(String name, long size, boolean input) {

  public JobFileView(String name, long size) {
    this(name, size, false);
  }

  public JobFileView asInput() {
    return new JobFileView(name, size, true);
  }
}
