/** Jobs: a program run on a webapp's version with the caller's files and parameters, in a queue. */
package org.allgo.jobs;
