package org.allgo.connector.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.allgo.connector.adapter.Failures;
import org.allgo.connector.api.DockerException;
import org.allgo.connector.api.NotFoundException;

/**
 * Reads the progress messages of a pull or a push to their end. The engine answers 200 and reports
 * failures inside the stream, as {@code {"error": …}}: they become exceptions here. A push ends
 * with the digest of the manifest it wrote, as {@code {"aux": {"Digest": …}}}.
 */
final class ProgressStream {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressStream() {}

  /** Returns the last digest the stream reported, if any. */
  static Optional<String> drain(InputStream body, String what) {
    try (MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(body)) {
      String digest = null;
      while (messages.hasNextValue()) {
        JsonNode message = messages.nextValue();
        if (message.hasNonNull("error")) {
          throw failure(what, message.get("error").asText());
        }
        if (message.path("aux").hasNonNull("Digest")) {
          digest = message.get("aux").get("Digest").asText();
        }
      }
      return Optional.ofNullable(digest);
    } catch (IOException | RuntimeException e) {
      if (e instanceof DockerException known) {
        throw known;
      }
      throw Failures.unavailable(what, e);
    }
  }

  private static DockerException failure(String what, String error) {
    String text = what + ": " + error;
    boolean missing =
        error.contains("not found")
            || error.contains("manifest unknown")
            || error.contains("does not exist");
    return missing ? new NotFoundException(text) : new DockerException(text);
  }
}
