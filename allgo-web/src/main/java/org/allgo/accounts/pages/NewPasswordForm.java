package org.allgo.accounts.pages;

import org.allgo.pages.Pages;

/**
 * A form that chooses a password: an e-mail address, and the password typed twice, refused when the
 * two differ.
 */
public abstract class NewPasswordForm {

  private String email;
  private String password;
  private String passwordAgain;

  /** Whether the two passwords are the same; the page says so when they differ. */
  protected boolean passwordsMatch() {
    return passwordsMatch(null);
  }

  /**
   * Whether the two passwords are the same; when they differ, the page says so next to the field
   * {@code againClientId} (for a null id, above the form).
   */
  protected boolean passwordsMatch(String againClientId) {
    if (password != null && !password.equals(passwordAgain)) {
      Pages.error(againClientId, "The two passwords differ.");
      return false;
    }
    return true;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getPasswordAgain() {
    return passwordAgain;
  }

  public void setPasswordAgain(String passwordAgain) {
    this.passwordAgain = passwordAgain;
  }
}
