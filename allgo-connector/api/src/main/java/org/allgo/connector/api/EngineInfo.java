package org.allgo.connector.api;

/** The Docker Engine as it describes itself, and the environment this connector serves. */
public record EngineInfo(
    String version, String apiVersion, String os, int containers, String environment) {}
