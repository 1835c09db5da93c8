/** What the admin console calls: user administration, job queues, the engine and the disk. */
package org.allgo.admin.boundary;
