/**
 * The admin console (Faces, superusers only): users, all webapps, job queues, base images, and the
 * Docker engine, registry and data disk of the environment.
 */
package org.allgo.admin.pages;
