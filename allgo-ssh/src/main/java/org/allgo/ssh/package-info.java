/**
 * The SSH front end: authors reach their webapp's sandbox with {@code ssh <docker_name>@host}, an
 * Apache MINA SSHD server on Payara Micro that attaches sessions to the sandbox with docker exec.
 */
package org.allgo.ssh;
