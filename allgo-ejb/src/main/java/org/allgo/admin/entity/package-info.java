/** What the admin console shows: queues, registry repositories, disk use. */
package org.allgo.admin.entity;
