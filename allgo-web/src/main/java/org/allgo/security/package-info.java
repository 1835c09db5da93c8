/**
 * Jakarta Security for allgo: the one authentication mechanism (sign-in form and session for the
 * pages, API tokens for {@code /api}) and the identity store backed by the accounts.
 */
package org.allgo.security;
