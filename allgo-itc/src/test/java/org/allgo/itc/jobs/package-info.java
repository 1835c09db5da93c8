/** Job submission and dispatch, tested inside the server through the real connector. */
package org.allgo.itc.jobs;
