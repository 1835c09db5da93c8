/**
 * Webapps' persistence, the rules their fields follow, and the adapters to Docker (sandboxes) and
 * to the registry (versions).
 */
package org.allgo.webapps.control;
