/**
 * What the application sees of the Docker Engine: a JCA connection factory, its connections, value
 * records, typed exceptions and the listener through which container events reach message-driven
 * beans.
 */
package org.allgo.connector.api;
