/** What authors and visitors do with webapps, sandboxes and versions; each call checks access. */
package org.allgo.webapps.boundary;
