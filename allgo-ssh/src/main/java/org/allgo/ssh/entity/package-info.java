/** The values the SSH front end reads from the database and records about a login. */
package org.allgo.ssh.entity;
