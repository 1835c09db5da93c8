/**
 * Black-box tests of accounts over HTTP (pages and REST API), with mail read back over IMAP from
 * the mail sink. Each test makes its own users with unique addresses.
 */
package org.allgo.it.accounts;
