package org.allgo.inputs.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a version's program takes: its inputs and the command-line template that places them. The
 * template's first word is the program; each other word is either literal or holds value keys,
 * replaced by the input's flag and values (a word that is exactly one value key), or by its value
 * alone (a key inside a word, such as {@code --lines=[LINES]}); a word whose input is absent is
 * left out. No shell is involved: each value is one argument, spaces and quotes included.
 */
public record InputDescription(
    String name, String toolVersion, String commandLine, List<InputSpec> inputs) {

  public InputDescription {
    inputs = List.copyOf(inputs);
  }

  /** The input of this id, or null. */
  public InputSpec input(String id) {
    return inputs.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
  }

  /** The refusals of these values, one per field (empty when they are all acceptable). */
  public List<FieldError> check(Map<String, Object> values) {
    List<FieldError> errors = new ArrayList<>();
    for (String id : values.keySet()) {
      if (input(id) == null) {
        errors.add(new FieldError(id, "This webapp has no input named " + id + "."));
      }
    }
    for (InputSpec input : inputs) {
      String error = InputChecks.check(input, values.get(input.id()));
      if (error != null) {
        errors.add(new FieldError(input.id(), error));
      }
    }
    return errors;
  }

  /** The values with the defaults filled in for the inputs not given. */
  public Map<String, Object> withDefaults(Map<String, Object> values) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (InputSpec input : inputs) {
      Object value = values.get(input.id());
      if (value == null && input.defaultValue() != null) {
        value = input.defaultValue();
      }
      if (value != null) {
        all.put(input.id(), value);
      }
    }
    return all;
  }

  /**
   * The arguments of the program for these values (checked first), without the program itself: the
   * template's words after the first.
   */
  public List<String> argv(Map<String, Object> values) {
    Map<String, Object> all = withDefaults(values);
    List<String> argv = new ArrayList<>();
    String[] words = commandLine.trim().split("\\s+");
    for (int w = 1; w < words.length; w++) {
      render(words[w], all, argv);
    }
    return argv;
  }

  private void render(String word, Map<String, Object> values, List<String> argv) {
    for (InputSpec input : inputs) {
      if (word.equals(input.valueKey())) {
        whole(input, values.get(input.id()), argv);
        return;
      }
    }
    String text = word;
    for (InputSpec input : inputs) {
      if (text.contains(input.valueKey())) {
        Object value = values.get(input.id());
        if (value == null || Boolean.FALSE.equals(value)) {
          return;
        }
        text = text.replace(input.valueKey(), String.join(" ", InputChecks.texts(value)));
      }
    }
    argv.add(text);
  }

  private static void whole(InputSpec input, Object value, List<String> argv) {
    if (value == null) {
      return;
    }
    if (input.kind() == InputKind.FLAG) {
      if (Boolean.TRUE.equals(value) && input.flag() != null) {
        argv.add(input.flag());
      }
      return;
    }
    if (input.flag() != null) {
      argv.add(input.flag());
    }
    argv.addAll(InputChecks.texts(value));
  }
}
