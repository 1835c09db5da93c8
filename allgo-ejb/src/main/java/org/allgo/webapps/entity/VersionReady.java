package org.allgo.webapps.entity;

/**
 * A CDI event: a version became READY, with what its jobs will run on by default (the webapp's
 * memory and network, its queue's CPU), so that warm containers can be started for them.
 *
 * @param image the version by digest
 * @param cpuMillis thousandths of a CPU, from the webapp's queue (or the default one)
 */
public record VersionReady(
    String image, int memoryMb, int cpuMillis, boolean networkAllowed, String webapp) {}
