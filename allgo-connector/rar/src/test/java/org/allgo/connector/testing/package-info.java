/**
 * The connector's test kit: stand-ins for what an application server gives the adapter, and helpers
 * over the real engine and the machine's programs. Shipped as the RAR module's test-jar, for the
 * tests of the modules that run the adapter outside a server (allgo-ssh) or check the engine behind
 * one (allgo-it).
 */
package org.allgo.connector.testing;
