package org.allgo.connector.outbound;

import org.allgo.connector.swarm.SwarmActivity;
import org.allgo.connector.swarm.SwarmConfig;

/** What the connections of a factory in swarm mode share: the settings, records and activity. */
record SwarmPlacement(SwarmConfig config, ServiceRecords records, SwarmActivity activity) {}
