/** Webapps, sandboxes and versions through the API, against the real engine and registry. */
package org.allgo.it.webapps;
