/**
 * Accounts over REST, {@code /api/v2}: sign-up and password reset, API tokens, the caller's own
 * account and SSH keys, and account states for superusers.
 */
package org.allgo.accounts.api;
