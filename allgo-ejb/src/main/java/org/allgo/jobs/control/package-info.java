/**
 * How jobs run: parameter splitting, file names, the datastore, the atomic and fair claim, the job
 * containers on the engine, state transitions and completion.
 */
package org.allgo.jobs.control;
