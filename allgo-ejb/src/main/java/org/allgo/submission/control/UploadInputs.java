package org.allgo.submission.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.allgo.submission.entity.JobDraft;
import org.allgo.submission.entity.UploadedFile;

/**
 * File inputs given by upload id: the uploads they name join the job's files (when the request did
 * not list them), and the values become the names the files have in the job's directory.
 */
public final class UploadInputs {

  private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{32}");

  private UploadInputs() {}

  /**
   * The request's files, and after them the caller's waiting uploads that only its inputs name (a
   * text that merely looks like an upload id stays a text).
   */
  public static List<UploadedFile> files(
      JobDraft draft, List<UploadedFile> files, java.util.Set<String> waiting) {
    if (draft.inputs() == null) {
      return files;
    }
    List<UploadedFile> all = new ArrayList<>(files);
    for (Object value : draft.inputs().values()) {
      for (Object one : value instanceof List<?> list ? list : List.of(value)) {
        if (one instanceof String id
            && UPLOAD_ID.matcher(id).matches()
            && waiting.contains(id)
            && all.stream().noneMatch(f -> f.upload().equals(id))) {
          all.add(new UploadedFile(id, null));
        }
      }
    }
    return all;
  }

  /** The draft with each upload id among its inputs' values replaced by that file's name. */
  public static JobDraft named(JobDraft draft, List<String> ids, List<String> names) {
    if (draft.inputs() == null) {
      return draft;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    draft
        .inputs()
        .forEach(
            (input, value) ->
                values.put(
                    input,
                    value instanceof List<?> list
                        ? list.stream().map(v -> name(v, ids, names)).toList()
                        : name(value, ids, names)));
    return new JobDraft(draft.webapp(), draft.param(), draft.queue(), draft.notifyByMail(), values);
  }

  private static Object name(Object value, List<String> ids, List<String> names) {
    int at = value instanceof String ? ids.indexOf(value) : -1;
    return at < 0 ? value : names.get(at);
  }
}
