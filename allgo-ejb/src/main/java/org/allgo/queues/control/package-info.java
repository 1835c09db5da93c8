/** What a queue's settings may be, and the queues in the database. */
package org.allgo.queues.control;
