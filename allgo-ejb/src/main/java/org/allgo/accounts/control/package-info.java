/**
 * What the account services stand on: stores, input rules, password hashing, token hashing, the
 * OpenSSH public-key parser, sign-in throttling and the development-data seeder.
 */
package org.allgo.accounts.control;
