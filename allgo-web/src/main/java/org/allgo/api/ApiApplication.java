package org.allgo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API: version 2 under {@code /api/v2}; resources are found by scanning. */
@ApplicationPath("api")
public class ApiApplication extends Application {}
