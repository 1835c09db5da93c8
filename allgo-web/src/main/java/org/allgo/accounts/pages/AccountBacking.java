package org.allgo.accounts.pages;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.allgo.accounts.boundary.AccountService;
import org.allgo.accounts.boundary.SshKeyService;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.Caller;
import org.allgo.accounts.entity.SshKeyView;
import org.allgo.pages.Pages;
import org.allgo.security.SignedInSessions;

/**
 * {@code /account}: profile and notifications, e-mail change (confirmed by mail), password, API
 * token (shown once when made) and SSH keys of the signed-in user.
 */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccountService accounts;

  @Inject SshKeyService sshKeys;

  private AccountView account;
  private List<SshKeyView> keys;
  private String name;
  private boolean notifyJobFinished;
  private int notifyAfterSeconds;
  private String newEmail;
  private String currentPassword;
  private String newPassword;
  private String newPasswordAgain;
  private String newToken;
  private String newKey;

  @PostConstruct
  void load() {
    account = accounts.getAccount();
    name = account.name();
    notifyJobFinished = account.notifyJobFinished();
    notifyAfterSeconds = account.notifyAfterSeconds();
    keys = sshKeys.list();
  }

  public void saveProfile() {
    if (Pages.attempt(
        () -> account = accounts.updateProfile(name, notifyJobFinished, notifyAfterSeconds))) {
      Pages.info("Your profile is saved.");
    }
  }

  public void changeEmail() {
    if (Pages.attempt(() -> accounts.requestEmailChange(newEmail, currentPassword))) {
      Pages.info(
          "A confirmation mail is on its way to "
              + newEmail.strip()
              + ": your address changes when you follow its link.");
      newEmail = null;
    }
    currentPassword = null;
  }

  public void changePassword() {
    if (newPassword != null && !newPassword.equals(newPasswordAgain)) {
      Pages.error("The two new passwords differ.");
      return;
    }
    if (Pages.attempt(
        () -> {
          // Other sessions end; this one goes on with the new password.
          Caller changed = accounts.changePassword(currentPassword, newPassword);
          SignedInSessions.store(
              (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true),
              changed);
        })) {
      account = accounts.getAccount();
      Pages.info(
          "Your password is changed. Your other sessions are signed out and your API token no"
              + " longer works: make a new one below if you need it.");
    }
    currentPassword = null;
  }

  public void regenerateToken() {
    newToken = accounts.regenerateApiToken();
    account = accounts.getAccount();
    Pages.info(
        "Your new API token is below. Copy it now: it is not shown again, and the old one"
            + " no longer works.");
  }

  public void addKey() {
    if (Pages.attempt(() -> sshKeys.add(newKey))) {
      Pages.info("The SSH key is added.");
      newKey = null;
    }
    keys = sshKeys.list();
  }

  public void deleteKey(long id) {
    if (Pages.attempt(() -> sshKeys.delete(id))) {
      Pages.info("The SSH key is deleted.");
    }
    keys = sshKeys.list();
  }

  public AccountView getAccount() {
    return account;
  }

  public List<SshKeyView> getKeys() {
    return keys;
  }

  public String getNewToken() {
    return newToken;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isNotifyJobFinished() {
    return notifyJobFinished;
  }

  public void setNotifyJobFinished(boolean notifyJobFinished) {
    this.notifyJobFinished = notifyJobFinished;
  }

  public int getNotifyAfterSeconds() {
    return notifyAfterSeconds;
  }

  public void setNotifyAfterSeconds(int notifyAfterSeconds) {
    this.notifyAfterSeconds = notifyAfterSeconds;
  }

  public String getNewEmail() {
    return newEmail;
  }

  public void setNewEmail(String newEmail) {
    this.newEmail = newEmail;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getNewPasswordAgain() {
    return newPasswordAgain;
  }

  public void setNewPasswordAgain(String newPasswordAgain) {
    this.newPasswordAgain = newPasswordAgain;
  }

  public String getNewKey() {
    return newKey;
  }

  public void setNewKey(String newKey) {
    this.newKey = newKey;
  }
}
