package org.allgo.accounts.entity;

/** Where an account is in its life: only active accounts may sign in or use the API. */
public enum AccountState {
  /** Signed up, e-mail address not confirmed yet. */
  UNCONFIRMED,
  ACTIVE,
  /** Refused by an administrator. */
  LOCKED
}
