/** The dispatcher's views: the application servers sharing the database and their leases. */
package org.allgo.dispatch.entity;
