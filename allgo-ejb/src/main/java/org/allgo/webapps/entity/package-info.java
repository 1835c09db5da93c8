/** Webapps, their versions, the base images sandboxes start from, and their views. */
package org.allgo.webapps.entity;
