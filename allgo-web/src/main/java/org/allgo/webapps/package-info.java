/** The web side of webapps: the API resources (pages come with the web UI). */
package org.allgo.webapps;
