/**
 * User accounts: sign-up with e-mail confirmation, sign-in checks and throttling, password and
 * e-mail changes, roles and states, the API token, SSH public keys, development users.
 */
package org.allgo.accounts;
