package org.allgo.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The ARIA marks of a form field with an error of its own: {@code aria-invalid} and the id of the
 * message shown next to it for {@code aria-describedby}, both only while the field has a message.
 * The message element's id is the field's followed by {@code Message} ({@code signup:email} is
 * described by {@code signup:emailMessage}). On a page: {@code pt:aria-invalid="#{field.invalid(
 * 'signup:email')}"}; a null attribute is not written.
 */
@Named("field")
@ApplicationScoped
public class FieldMarks {

  /** {@code "true"} while the field has a message, else null. */
  public String invalid(String clientId) {
    return hasMessage(clientId) ? "true" : null;
  }

  /** The id of the field's message element while it has a message, else null. */
  public String describedBy(String clientId) {
    return hasMessage(clientId) ? messageId(clientId) : null;
  }

  static String messageId(String clientId) {
    return clientId + "Message";
  }

  private static boolean hasMessage(String clientId) {
    return FacesContext.getCurrentInstance().getMessages(clientId).hasNext();
  }
}
