/**
 * Webapps: the programs authors publish, the sandbox each is built in, and its versions (images
 * committed from the sandbox and pushed to the environment's registry namespace).
 */
package org.allgo.webapps;
