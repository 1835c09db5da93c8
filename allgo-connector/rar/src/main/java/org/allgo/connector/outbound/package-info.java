/**
 * The outbound side: managed connections and their handles, and the engine operations behind {@link
 * org.allgo.connector.api.DockerConnection}, each checked against the environment policy.
 */
package org.allgo.connector.outbound;
