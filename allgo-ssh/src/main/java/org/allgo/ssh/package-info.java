/**
 * The SSH front end: authors reach their webapp's sandbox with {@code ssh <docker_name>@host}.
 * Not started by the run command yet: issue 9 builds it.
 */
package org.allgo.ssh;
