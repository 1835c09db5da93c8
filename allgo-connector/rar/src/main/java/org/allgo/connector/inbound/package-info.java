/**
 * The inbound side: container events read from the engine's event stream, in work managed by the
 * server, and delivered to message endpoints implementing ContainerEventListener.
 */
package org.allgo.connector.inbound;
