/**
 * {@code /api/v2/webapps} and {@code /api/v2/base-images}: webapps, their sandbox and versions.
 * Reading public webapps needs no token; every change needs the owner's or a superuser's token.
 */
package org.allgo.webapps.api;
