/**
 * The in-container tests: the boundaries called inside Payara Server, with its transactions, the
 * test server's database, mail sink and Docker engine (through the real connector). Each test class
 * deploys {@link org.allgo.itc.TestDeployment}; the helpers here run inside the server.
 */
package org.allgo.itc;
