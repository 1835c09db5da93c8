/** The webapp, sandbox and version boundaries, tested inside the server. */
package org.allgo.itc.webapps;
