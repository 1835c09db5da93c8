/**
 * Entry points of jobs: the services the API calls, the dispatcher (timer, wake-ups, start-up
 * reconciliation), the container-exit listener and the purge schedule.
 */
package org.allgo.jobs.boundary;
