/**
 * Running the platform: accounts, job queues, the Docker engine, the registry and the data disk as
 * superusers see and change them. Every call checks that its caller is a superuser.
 */
package org.allgo.admin;
