/** What the admin console shows: containers, registry repositories, disk use. */
package org.allgo.admin.entity;
