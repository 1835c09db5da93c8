/**
 * The SSH server, plain Java testable outside a server: set-up and limits, public-key
 * authentication against the database, and commands that run in the sandbox through docker exec.
 */
package org.allgo.ssh.control;
