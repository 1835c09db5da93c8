package org.allgo.batch.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.allgo.batch.entity.ExecutionView;
import org.allgo.batch.entity.StepView;
import org.allgo.platform.Resources;

/**
 * Reads job executions and their steps from the batch runtime's tables in the application's
 * database. Payara's {@code JobOperator} only shows a caller the jobs its own component started
 * (and only for the current deployment); the tables hold every execution of this environment.
 */
@ApplicationScoped
public class JobRepository {

  private static final String EXECUTIONS =
      "SELECT e.jobexecid, e.jobinstanceid, i.name, e.batchstatus,"
          + " e.exitstatus, e.createtime, e.starttime, e.endtime, e.parameters"
          + " FROM EXECUTIONINSTANCEDATA e JOIN JOBINSTANCEDATA i ON i.jobinstanceid = e.jobinstanceid";
  private static final String STEPS =
      "SELECT stepexecid, jobexecid, stepname, batchstatus, exitstatus,"
          + " startTime, endTime, readcount, writecount, commitcount, rollbackcount, filtercount,"
          + " readskipcount, processskipcount, writeskipcount FROM STEPEXECUTIONINSTANCEDATA";
  // Job parameters are a serialized java.util.Properties: nothing else is read back.
  private static final ObjectInputFilter PROPERTIES =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=4;maxarray=4096;java.util.Properties;java.util.Hashtable;java.lang.String;!*");

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource data;

  /** The newest executions, newest first, with their steps. */
  public List<ExecutionView> recent(int max) {
    return query(EXECUTIONS + " ORDER BY e.jobexecid DESC", max, null);
  }

  public Optional<ExecutionView> find(long executionId) {
    return query(EXECUTIONS + " WHERE e.jobexecid = ?", 1, executionId).stream().findFirst();
  }

  private List<ExecutionView> query(String sql, int max, Long id) {
    try (Connection connection = data.getConnection()) {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setMaxRows(max);
        if (id != null) {
          statement.setLong(1, id);
        }
        try (ResultSet r = statement.executeQuery()) {
          while (r.next()) {
            rows.add(
                new Row(
                    r.getLong(1),
                    r.getLong(2),
                    r.getString(3),
                    r.getString(4),
                    r.getString(5),
                    instant(r.getTimestamp(6)),
                    instant(r.getTimestamp(7)),
                    instant(r.getTimestamp(8)),
                    parameters(r.getBytes(9))));
          }
        }
      }
      Map<Long, List<StepView>> steps = steps(connection, rows);
      return rows.stream().map(row -> row.view(steps.getOrDefault(row.id, List.of()))).toList();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The batch job repository could not be read: " + e.getMessage(), e);
    }
  }

  private static Map<Long, List<StepView>> steps(Connection connection, List<Row> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return Map.of();
    }
    String ids = rows.stream().map(r -> "?").collect(Collectors.joining(","));
    Map<Long, List<StepView>> steps = new LinkedHashMap<>();
    try (PreparedStatement statement =
        connection.prepareStatement(
            STEPS + " WHERE jobexecid IN (" + ids + ") ORDER BY stepexecid")) {
      for (int i = 0; i < rows.size(); i++) {
        statement.setLong(i + 1, rows.get(i).id);
      }
      try (ResultSet r = statement.executeQuery()) {
        while (r.next()) {
          steps
              .computeIfAbsent(r.getLong(2), k -> new ArrayList<>())
              .add(
                  new StepView(
                      r.getLong(1),
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      instant(r.getTimestamp(6)),
                      instant(r.getTimestamp(7)),
                      r.getLong(8),
                      r.getLong(9),
                      r.getLong(10),
                      r.getLong(11),
                      r.getLong(12),
                      r.getLong(13) + r.getLong(14) + r.getLong(15)));
        }
      }
    }
    return steps;
  }

  private static String parameters(byte[] serialized) {
    if (serialized == null || serialized.length == 0) {
      return "";
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
      in.setObjectInputFilter(PROPERTIES);
      if (in.readObject() instanceof Properties properties) {
        return new TreeMap<>(properties)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
      }
      return "";
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return "";
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private record Row(
      long id,
      long instance,
      String name,
      String status,
      String exit,
      Instant created,
      Instant start,
      Instant end,
      String parameters) {

    ExecutionView view(List<StepView> steps) {
      return new ExecutionView(
          id,
          instance,
          name,
          status == null ? "" : status,
          exit,
          created,
          start,
          end,
          parameters,
          Collections.unmodifiableList(steps));
    }
  }
}
