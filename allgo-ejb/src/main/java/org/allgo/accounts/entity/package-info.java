/**
 * The account entities (user, single-use mail tokens, SSH keys, sign-in failures) and the views
 * handed out of the services.
 */
package org.allgo.accounts.entity;
