/**
 * The account pages (Faces): sign-up, sign-in and sign-out, confirmation, forgotten password and
 * the account page. Backing beans stay thin: they call the services and show their refusals.
 */
package org.allgo.accounts.pages;
