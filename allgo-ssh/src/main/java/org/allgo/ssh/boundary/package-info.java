/**
 * The Payara Micro start-up singleton: reads the configuration, looks up the Docker connector and
 * the read-only data source, and runs the SSH server for as long as the application is deployed.
 */
package org.allgo.ssh.boundary;
