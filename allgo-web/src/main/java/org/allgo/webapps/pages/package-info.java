/**
 * The webapp pages (Faces): the public catalog and a webapp's page, and the authors' pages — their
 * webapps, creating one, and managing one (settings, sandbox, versions and commits).
 */
package org.allgo.webapps.pages;
