/** The admin console's queries, the superuser check, the registry catalog and disk measurement. */
package org.allgo.admin.control;
