/**
 * The resource adapter itself: its configuration, the environment policy, and the engine client
 * shared by the outbound and inbound sides.
 */
package org.allgo.connector.adapter;
