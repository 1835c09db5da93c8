package org.allgo.inputs.entity;

/** The kind of one described input, as Boutiques names it. */
public enum InputKind {
  STRING("String"),
  NUMBER("Number"),
  FLAG("Flag"),
  FILE("File");

  private final String boutiques;

  InputKind(String boutiques) {
    this.boutiques = boutiques;
  }

  /** The name of the kind in a Boutiques descriptor. */
  public String boutiques() {
    return boutiques;
  }

  /** The kind of this Boutiques type, or null when allgo does not support it. */
  public static InputKind ofBoutiques(String type) {
    for (InputKind kind : values()) {
      if (kind.boutiques.equals(type)) {
        return kind;
      }
    }
    return null;
  }
}
