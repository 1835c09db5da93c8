/**
 * Fixtures of the SSH integration tests: a MariaDB test database with a read-only account, Docker
 * sandboxes, the connector outside a server, and the OpenSSH client.
 */
package org.allgo.ssh.testing;
