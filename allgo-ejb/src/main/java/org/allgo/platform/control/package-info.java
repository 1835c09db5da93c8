/**
 * Start-up work and adapters of the platform: schema migrations and the application-scoped Docker
 * connection factory.
 */
package org.allgo.platform.control;
