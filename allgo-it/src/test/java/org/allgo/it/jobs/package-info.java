/**
 * Black-box tests of jobs: real containers on the engine behind the deployed server, busybox
 * programs, downloads, limits, aborts, fairness and restart reconciliation.
 */
package org.allgo.it.jobs;
