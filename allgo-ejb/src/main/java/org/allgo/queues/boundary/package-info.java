/** The queue service: listing for everyone, creation and changes for superusers. */
package org.allgo.queues.boundary;
