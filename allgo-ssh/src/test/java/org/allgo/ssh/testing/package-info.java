/**
 * Fixtures of the SSH integration tests: a MariaDB test database with a read-only account, Docker
 * sandboxes and the OpenSSH client (the connector outside a server comes from its test kit).
 */
package org.allgo.ssh.testing;
