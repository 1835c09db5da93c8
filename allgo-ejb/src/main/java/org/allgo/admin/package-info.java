/**
 * The machinery as superusers see it: the environment's containers on the Docker engine, its
 * repositories in the registry, and the use of the data directory. Superusers only.
 */
package org.allgo.admin;
