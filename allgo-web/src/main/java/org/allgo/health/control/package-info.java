/** One check per part allgo depends on: database, Docker engine, registry, mail. */
package org.allgo.health.control;
