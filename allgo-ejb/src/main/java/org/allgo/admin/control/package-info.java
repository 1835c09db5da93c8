/** The registry catalog and the disk measurement. */
package org.allgo.admin.control;
