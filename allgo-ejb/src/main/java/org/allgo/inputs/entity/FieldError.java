package org.allgo.inputs.entity;

/** Why the value given for one input is refused: the input's id and a readable sentence. */
public record FieldError(String field, String message) {}
