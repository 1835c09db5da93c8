/**
 * Health of the platform: MicroProfile Health checks, served by the application at {@code /health}
 * (readiness and liveness), {@code /health/ready} and {@code /health/live}.
 */
package org.allgo.health;
