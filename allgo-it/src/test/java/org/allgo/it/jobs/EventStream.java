package org.allgo.it.jobs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.allgo.it.Server;

/**
 * A Server-Sent Events client over plain HTTP, as a browser's EventSource reads a stream: events
 * are parsed on a reader thread and taken one by one, each within a bound.
 */
final class EventStream implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One event: its name, id and data; {@code closed} marks the end of the stream. */
  record Event(String name, String id, String data) {

    static final Event CLOSED = new Event("(closed)", null, null);

    JsonObject json() {
      return Json.createReader(new StringReader(data)).readObject();
    }
  }

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final String refusal;

  private EventStream(HttpResponse<Stream<String>> response) {
    this.response = response;
    if (response.statusCode() == 200) {
      Thread reader = new Thread(this::read, "event-stream");
      reader.setDaemon(true);
      reader.start();
      refusal = null;
    } else {
      refusal = String.join("\n", response.body().toList());
    }
  }

  /** Opens {@code path} with the token, and extra headers as name, value, … */
  static EventStream open(String token, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(Server.uri(path)).header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return new EventStream(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  int status() {
    return response.statusCode();
  }

  Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  /** The next event, or {@link Event#CLOSED} once the stream ended; fails after {@code within}. */
  Event next(Duration within) {
    try {
      Event event = events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      if (event == null) {
        throw new AssertionError("No event within " + within);
      }
      if (event == Event.CLOSED) {
        events.add(Event.CLOSED);
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every event up to the end of the stream, each within {@code within} of the previous one. */
  List<Event> rest(Duration within) {
    List<Event> rest = new ArrayList<>();
    for (Event e = next(within); e != Event.CLOSED; e = next(within)) {
      rest.add(e);
    }
    return rest;
  }

  /** The body of a refused request. */
  String body() {
    return refusal;
  }

  JsonObject json() {
    return Json.createReader(new StringReader(refusal)).readObject();
  }

  private void read() {
    String name = "message";
    String id = null;
    StringBuilder data = null;
    try (Stream<String> lines = response.body()) {
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(name, id, data.toString()));
          }
          name = "message";
          data = null;
        } else if (line.startsWith("event:")) {
          name = value(line);
        } else if (line.startsWith("id:")) {
          id = value(line);
        } else if (line.startsWith("data:")) {
          data =
              data == null ? new StringBuilder(value(line)) : data.append('\n').append(value(line));
        }
      }
    } catch (UncheckedIOException e) {
      // The stream was cut: the end, for the test.
    } finally {
      events.add(Event.CLOSED);
    }
  }

  private static String value(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  @Override
  public void close() {
    response.body().close();
  }
}
