/**
 * The REST API's application ({@code /api}) and its error bodies: {@code application/problem+json}
 * under {@code /api/v2}, {@code {"error": ...}} elsewhere under {@code /api}.
 */
package org.allgo.api;
