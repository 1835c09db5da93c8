/** What the admin console reads of the engine, the registry and the disk. */
package org.allgo.admin.boundary;
