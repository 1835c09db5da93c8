package org.allgo.api;

/**
 * Who may call an API operation, declared on each resource method as the OpenAPI extension {@value
 * #EXTENSION} ({@code @Extension(name = Access.EXTENSION, value = Access.OWNER)}). The document
 * carries it to clients, and the black-box authorization matrix reads it to try every operation as
 * each kind of caller: an operation without it fails that test, so a new endpoint is covered
 * without anyone remembering to add it. The rules themselves are checked by the server (the web
 * constraints, {@code @RolesAllowed} and the owner checks of the services); this only says which
 * one applies.
 */
public final class Access {

  /** The extension's name in the OpenAPI document. */
  public static final String EXTENSION = "x-allgo-access";

  /** Anyone, with or without a token (a bad token is still refused). */
  public static final String PUBLIC = "public";

  /** Any signed-in caller, acting on their own account or making something of their own. */
  public static final String CALLER = "caller";

  /** The owner of the resource named in the path, and superusers; others get 403 or 404. */
  public static final String OWNER = "owner";

  /**
   * The owner of the resource named in the path, and superusers; to everyone else it does not exist
   * (404, as an unknown id): a job, whose existence is its owner's business.
   */
  public static final String PRIVATE = "private";

  /**
   * The caller's own thing named in the path (an SSH key, an upload): everyone else, superusers
   * included, gets 404.
   */
  public static final String SELF = "self";

  /** Superusers only. */
  public static final String SUPERUSER = "superuser";

  private Access() {}
}
