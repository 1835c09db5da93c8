/**
 * Health of the platform as MicroProfile Health checks, served by the server at {@code /health}
 * (readiness: every part allgo needs) and {@code /health/live}.
 */
package org.allgo.health;
