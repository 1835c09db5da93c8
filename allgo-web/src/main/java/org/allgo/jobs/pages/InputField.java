package org.allgo.jobs.pages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.allgo.inputs.entity.InputKind;
import org.allgo.inputs.entity.InputSpec;

/**
 * One input of a described version on the job form: what the browser needs to draw the right
 * control and check it as the server will (required, bounds, step, pattern, choices), and the value
 * the form holds. Its {@link #value()} is what {@code POST /api/v2/jobs} would take for it.
 */
public final class InputField implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final String label;
  private final String help;
  private final String kind;
  private final boolean required;
  private final boolean list;
  private final boolean integer;
  private final String minimum;
  private final String maximum;
  private final String pattern;
  private final List<String> choices;
  private String text;
  private boolean flag;
  private String choice;
  private List<String> files = new ArrayList<>();

  InputField(InputSpec input) {
    this.id = input.id();
    this.label = input.name() == null ? input.id() : input.name();
    this.help = input.description() == null ? "" : input.description();
    this.kind = input.kind().name();
    this.required =
        !input.optional() && input.defaultValue() == null && input.kind() != InputKind.FLAG;
    this.list = input.list();
    this.integer = input.integer();
    this.minimum = plain(input.minimum());
    this.maximum = plain(input.maximum());
    this.pattern = input.pattern();
    this.choices = input.choices().stream().map(InputField::plain).toList();
    Object initial = input.defaultValue();
    if (initial instanceof Boolean b) {
      this.flag = b;
    } else if (initial != null) {
      this.text = plain(initial);
      this.choice = plain(initial);
    }
  }

  /** The value as the API takes it, or null when none is given. */
  Object value() {
    return switch (kind) {
      case "FLAG" -> flag;
      case "FILE" -> files.isEmpty() ? null : list ? List.copyOf(files) : files.get(0);
      default -> {
        String given = choices.isEmpty() ? text : choice;
        if (given == null || given.isBlank()) {
          yield null;
        }
        if (kind.equals("NUMBER")) {
          try {
            yield new BigDecimal(given.strip());
          } catch (NumberFormatException e) {
            yield given;
          }
        }
        yield given;
      }
    };
  }

  private static String plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof BigDecimal) {
      return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  public String getId() {
    return id;
  }

  public String getLabel() {
    return label;
  }

  public String getHelp() {
    return help;
  }

  public String getKind() {
    return kind;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isList() {
    return list;
  }

  /** The step of a number field: 1 for whole numbers, else any. */
  public String getStep() {
    return integer ? "1" : "any";
  }

  public String getMinimum() {
    return minimum;
  }

  public String getMaximum() {
    return maximum;
  }

  public String getPattern() {
    return pattern;
  }

  public List<String> getChoices() {
    return choices;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public boolean isFlag() {
    return flag;
  }

  public void setFlag(boolean flag) {
    this.flag = flag;
  }

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = choice;
  }

  public List<String> getFiles() {
    return files;
  }

  public void setFiles(List<String> files) {
    this.files = files == null ? new ArrayList<>() : new ArrayList<>(files);
  }

  /** A single file input's file. */
  public String getFile() {
    return files.isEmpty() ? null : files.get(0);
  }

  public void setFile(String file) {
    this.files =
        file == null || file.isBlank() ? new ArrayList<>() : new ArrayList<>(List.of(file));
  }
}
