/**
 * Stand-ins for what the application server gives the adapter, and helpers over the real engine.
 */
package org.allgo.connector.testing;
