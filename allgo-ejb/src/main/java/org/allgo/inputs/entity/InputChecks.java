package org.allgo.inputs.entity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The checks of one input's value, the same the form does in the browser. */
final class InputChecks {

  private InputChecks() {}

  /** Why this value does not suit this input, or null when it does. */
  static String check(InputSpec input, Object value) {
    if (value == null || (value instanceof List<?> l && l.isEmpty())) {
      return input.optional() || input.defaultValue() != null || input.kind() == InputKind.FLAG
          ? null
          : "A value is required.";
    }
    if (value instanceof List<?> values) {
      if (!input.list()) {
        return "One value is expected, not a list.";
      }
      for (Object one : values) {
        String error = checkOne(input, one);
        if (error != null) {
          return error;
        }
      }
      return null;
    }
    return checkOne(input, value);
  }

  private static String checkOne(InputSpec input, Object value) {
    return switch (input.kind()) {
      case FLAG -> value instanceof Boolean ? null : "true or false is expected.";
      case NUMBER -> checkNumber(input, value);
      case STRING, FILE -> checkString(input, value);
    };
  }

  private static String checkNumber(InputSpec input, Object value) {
    BigDecimal number;
    try {
      number = new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return "A number is expected.";
    }
    if (input.integer() && number.stripTrailingZeros().scale() > 0) {
      return "A whole number is expected.";
    }
    if (input.minimum() != null && number.compareTo(BigDecimal.valueOf(input.minimum())) < 0) {
      return "The value must be at least " + plain(input.minimum()) + ".";
    }
    if (input.maximum() != null && number.compareTo(BigDecimal.valueOf(input.maximum())) > 0) {
      return "The value must be at most " + plain(input.maximum()) + ".";
    }
    return checkChoice(input, number.stripTrailingZeros().toPlainString());
  }

  private static String checkString(InputSpec input, Object value) {
    if (!(value instanceof String text)) {
      return "A text is expected.";
    }
    if (input.pattern() != null) {
      try {
        if (!Pattern.matches(input.pattern(), text)) {
          return "The value must match " + input.pattern() + ".";
        }
      } catch (PatternSyntaxException e) {
        return "The webapp's pattern for this input is not valid.";
      }
    }
    return checkChoice(input, text);
  }

  private static String checkChoice(InputSpec input, String text) {
    if (input.choices().isEmpty()) {
      return null;
    }
    for (Object choice : input.choices()) {
      String allowed =
          choice instanceof Number n
              ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
              : choice.toString();
      if (allowed.equals(text)) {
        return null;
      }
    }
    return "The value must be one of " + texts(input.choices()) + ".";
  }

  /** The arguments one value gives: one per element of a list, numbers written plainly. */
  static List<String> texts(Object value) {
    List<String> texts = new ArrayList<>();
    if (value instanceof List<?> values) {
      for (Object one : values) {
        texts.add(text(one));
      }
    } else {
      texts.add(text(value));
    }
    return texts;
  }

  private static String text(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  private static String plain(Double number) {
    return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
  }
}
