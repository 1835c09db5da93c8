package org.allgo.webapps.entity;

/**
 * What an author says of a webapp when creating or editing it. Null fields keep their current value
 * on edit and take their default on creation.
 */
public record WebappDraft(
    String name,
    String dockerName,
    String description,
    String documentation,
    String contactEmail,
    Visibility visibility,
    String defaultQueue,
    Integer memoryMb,
    String entrypoint,
    String inputPatterns) {}
