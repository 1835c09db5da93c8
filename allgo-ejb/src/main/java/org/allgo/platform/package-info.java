/**
 * What every feature of allgo stands on: the database schema, the platform settings and the
 * resources (database, Docker connector, mail) the application is wired to.
 */
package org.allgo.platform;
