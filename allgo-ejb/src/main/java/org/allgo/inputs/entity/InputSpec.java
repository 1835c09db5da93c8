package org.allgo.inputs.entity;

import java.util.List;

/**
 * One described input.
 *
 * @param id the name a client gives its value under
 * @param name the label shown on the form
 * @param kind string, number, flag or file
 * @param valueKey where the input goes in the command-line template, such as {@code [LINES]}
 * @param description the help text, or null
 * @param optional whether the input may be left out
 * @param list whether it takes several values
 * @param flag the command-line flag put before the value (or alone for a flag), or null
 * @param defaultValue the value used when none is given, or null
 * @param choices the allowed values, empty when any value of the kind is allowed
 * @param integer whether a number must be whole
 * @param minimum the smallest number allowed, or null
 * @param maximum the largest number allowed, or null
 * @param pattern the regular expression a string must match entirely, or null
 */
public record InputSpec(
    String id,
    String name,
    InputKind kind,
    String valueKey,
    String description,
    boolean optional,
    boolean list,
    String flag,
    Object defaultValue,
    List<Object> choices,
    boolean integer,
    Double minimum,
    Double maximum,
    String pattern) {

  public InputSpec {
    choices = choices == null ? List.of() : List.copyOf(choices);
  }
}
