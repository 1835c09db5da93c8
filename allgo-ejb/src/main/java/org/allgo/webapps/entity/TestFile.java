package org.allgo.webapps.entity;

import java.io.InputStream;

/** An input file sent for a webapp's test job: its name as sent, and its content. */
public record TestFile(String name, InputStream content) {}
